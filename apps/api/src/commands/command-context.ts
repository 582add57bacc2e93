import { createHash } from 'node:crypto';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@jinlin/domain';

/** Everything about a write that is not its body: who, when, and the client's concurrency wishes. */
export type CommandContext = Readonly<{
  actor: Principal;
  now: string;
  correlationId: string;
  /** What caused this command when it was not a request: e.g. the event a process reacted to. */
  causationId?: string;
  /** If-Match: the stream version the client saw. */
  expectedVersion?: number;
  idempotency?: Readonly<{ key: string; requestHash: string }>;
}>;

const IF_MATCH = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = IF_MATCH.exec(header);
  if (!match) throw new BadRequestException('If-Match must be a version number, bare or quoted (e.g. "3")');
  return Number(match[1]);
}

export function requestHash(method: string, route: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${route}\n${canonicalJson(body ?? {})}`)
    .digest('hex');
}

/** Key order does not change a request's identity. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function commandContextOf(request: FastifyRequest & { user: Principal }): CommandContext {
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
    throw new BadRequestException('Idempotency-Key must be 1 to 200 visible ASCII characters');
  }
  const ifMatch = request.headers['if-match'];
  return {
    actor: request.user,
    now: new Date().toISOString(),
    correlationId: String(request.id),
    expectedVersion: parseIfMatch(Array.isArray(ifMatch) ? ifMatch[0] : ifMatch),
    idempotency: key ? { key, requestHash: requestHash(request.method, request.url.split('?')[0], request.body) } : undefined,
  };
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext =>
  commandContextOf(context.switchToHttp().getRequest()),
);
