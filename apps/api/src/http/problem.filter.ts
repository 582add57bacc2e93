import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind } from '@jinlin/domain';
import { WrongExpectedVersion } from '@jinlin/event-store';
import { isOpen311Document, sendOpen311Errors } from '../open311/open311-errors';
import { redactText, redactUrl } from './redact';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: string[];
  instance?: string;
};

const STATUS: Record<DomainErrorKind, number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid: 400,
  precondition_failed: 412,
  unprocessable: 422,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The one place where failures become HTTP: an application/problem+json document. */
export function toProblem(error: unknown): Problem {
  if (error instanceof DomainError) return problem(STATUS[error.kind], error.message, error.code);
  if (error instanceof WrongExpectedVersion) return problem(409, error.message, error.code);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse() as string | { message?: string | string[]; code?: string };
    const messages = typeof body === 'string' ? [body] : Array.isArray(body.message) ? body.message : [body.message ?? error.message];
    const p = problem(status, messages.join('; '), typeof body === 'object' ? body.code : undefined);
    if (messages.length > 1 || status === 400) p.errors = messages;
    return p;
  }
  if (isDatabaseUnavailable(error)) return problem(503, 'the database is not reachable right now; retry shortly', 'DATABASE_UNAVAILABLE');
  const status = (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own refusals: body too large, malformed JSON, wrong content type.
    return problem(status, (error as Error).message, (error as { code?: string }).code);
  }
  return problem(500, 'an unexpected error occurred; it has been logged');
}

/** Connection-level failures (server restarting, connection cut) are temporary: 503, not 500. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  if (/Connection terminated|connection timeout|the database system is (starting up|shutting down)/i.test(e.message ?? '')) return true;
  return e.driverError ? isDatabaseUnavailable(e.driverError) : false;
}

function problem(status: number, detail: string, code?: string): Problem {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...(code ? { code } : {}) };
}

/** The client went away before its body arrived: nothing failed here, and nobody is left to answer. */
function isClientAbort(error: unknown, request: FastifyRequest): boolean {
  return (error as Error | null)?.message === 'aborted' && (request.raw.destroyed || !!request.raw.socket?.destroyed);
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: unknown): void {
  if (isClientAbort(error, request)) {
    new Logger('http').log(`request ${request.id}: the client closed the connection before its body arrived`);
    return;
  }
  const body = toProblem(error);
  if (body.status >= 500)
    new Logger('http').error(
      `request ${request.id} failed: ${redactText(String((error as Error)?.message ?? error))}`,
      redactText(String((error as Error)?.stack ?? '')),
    );
  body.instance = redactUrl(request.url);
  body.detail = redactText(body.detail);
  if (body.errors) body.errors = body.errors.map(redactText);
  // The same failure, spelled as GeoReport v2 errors for Open311 clients (SPEC §7).
  if (isOpen311Document(request)) return sendOpen311Errors(reply, request, body);
  void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getResponse<FastifyReply>(), http.getRequest<FastifyRequest>(), error);
  }
}
