import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.filter';

/** SPEC §8: what a client may put in X-Correlation-Id (it is stored with every event and echoed). */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the client's X-Correlation-Id when it is well-formed, else a new UUID (the bad one is refused in onRequest). */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
}

/**
 * Which media types a body may have where (SPEC §8): JSON on the JSON API, so that a cross-site
 * HTML form (form-encoded, multipart or text/plain, all sent without a preflight) cannot post a
 * command; multipart only for uploads; form-encoded only for Open311 clients, which send it.
 */
function allowedMediaTypes(path: string): readonly string[] {
  if (path === '/attachments') return ['multipart/form-data'];
  if (path.startsWith('/open311/')) return ['application/json', 'application/x-www-form-urlencoded'];
  return ['application/json'];
}

const hasBody = (request: FastifyRequest): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/** Checks that need nothing but the request line and headers, before any body is read. */
export function installRequestRules(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const refusal = refusalOf(request);
    if (refusal) {
      sendProblem(reply, request, refusal);
      return reply;
    }
  });
}

function refusalOf(request: FastifyRequest): HttpException | null {
  const given = request.headers['x-correlation-id'];
  if (given !== undefined && (typeof given !== 'string' || !CORRELATION_ID.test(given))) {
    return new BadRequestException('X-Correlation-Id must be 1 to 128 characters of A-Z, a-z, 0-9 and . _ : -');
  }
  if (!hasBody(request)) return null;
  const path = request.url.split('?')[0];
  const allowed = allowedMediaTypes(path);
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (allowed.includes(type)) return null;
  return new HttpException(
    {
      message: `${path} takes ${allowed.join(' or ')} bodies, not ${type || 'a body without Content-Type'}`,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  );
}
