import { api, call } from '../api/client';
import type { ApiError } from '../api/problems';
import type { Attachment } from './types';

/**
 * POST /attachments, one photo, with its progress. fetch() reports no upload progress, so the
 * request openapi-fetch builds (its middleware has put the CSRF token on it) is sent by an
 * XMLHttpRequest that does; the FormData goes as it is, letting the browser write the boundary.
 */
export function uploadPhoto(file: File, onProgress: (percent: number) => void): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  const xhrFetch = (request: Request): Promise<Response> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      xhr.withCredentials = true;
      request.headers.forEach((value, name) => {
        if (name !== 'content-type') xhr.setRequestHeader(name, value);
      });
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
      };
      xhr.onload = () => {
        const headers = new Headers();
        for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
          const at = line.indexOf(':');
          if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
        resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers }));
      };
      xhr.onerror = () => reject(new TypeError('network error'));
      xhr.onabort = () => reject(new TypeError('aborted'));
      xhr.send(form);
    });
  return call(
    api.POST('/attachments', {
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
      fetch: xhrFetch,
    }),
  ).then((a) => {
    onProgress(100);
    return a as unknown as Attachment;
  });
}

/** 413 and 415 in the resident's words; anything else by the shared headline. */
export function uploadProblemKey(error: ApiError): string | null {
  if (error.status === 413) return 'resident.photo.tooLarge';
  if (error.status === 415) return 'resident.photo.notImage';
  if (error.offline) return 'resident.photo.offline';
  return null;
}
