/** Query parameters that carry a credential: never written to a log or a problem document (SPEC §8). */
const SECRET_PARAMS = /^(api_key|apikey|token|access_token|id_token|password|secret|csrf_token)$/i;

/** The URL with the value of every credential-bearing query parameter replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeSafely(eq < 0 ? pair : pair.slice(0, eq));
      return SECRET_PARAMS.test(name) ? `${pair.slice(0, eq < 0 ? pair.length : eq)}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

/** Any text that may quote a URL (a framework's "Cannot GET /x?api_key=…"): credential parameters redacted. */
export function redactText(text: string): string {
  // The name is compared decoded, as in redactUrl: `api%5Fkey=` is `api_key=` to a server.
  return text.replace(/([?&])([^=&\s"'?]+)=([^&\s"']*)/g, (whole, sep: string, name: string) =>
    SECRET_PARAMS.test(decodeSafely(name)) ? `${sep}${name}=[redacted]` : whole,
  );
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // not valid percent-encoding: compare it as it stands
  }
}

/** pino's redact paths: headers and body fields that hold credentials, wherever a log line carries them. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.api_key',
  '*.token',
];
