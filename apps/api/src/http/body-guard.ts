import { BadRequestException } from '@nestjs/common';

/** NUL and unpaired surrogates are valid in JSON but cannot be stored as text in PostgreSQL. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 8;

/**
 * Runs before validation on every write: the body must be a JSON object, not too deeply nested,
 * with only storable text. Anything else is the client's mistake (400), never a database error.
 */
export function guardBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BadRequestException('the body must be a JSON object');
  walk(body, '', 0);
  return body as Record<string, unknown>;
}

function walk(value: unknown, path: string, depth: number): void {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) throw new BadRequestException(`${path || 'body'} contains a NUL character or an unpaired surrogate`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_DEPTH) throw new BadRequestException(`${path || 'body'} is nested too deeply`);
  for (const [key, inner] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) throw new BadRequestException('a field name contains a NUL character or an unpaired surrogate');
    walk(inner, path ? `${path}.${key}` : key, depth + 1);
  }
}
