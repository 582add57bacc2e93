import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatOf, sendOpen311 } from './open311-format';

/** What sendProblem has made of a failure (its Problem), as far as GeoReport spells it. */
type FailureSpelled = Readonly<{ status: number; detail: string; errors?: string[] }>;

/** A GeoReport v2 document's path: `/open311/discovery.json`, `/open311/v2/requests/<id>.xml`. */
const OPEN311_DOCUMENT = /^\/open311\/.*\.(json|xml)$/;

export const isOpen311Document = (request: FastifyRequest): boolean => OPEN311_DOCUMENT.test(request.url.split('?')[0]);

/**
 * GeoReport v2 errors: `[{code, description}]` / `<errors><error>…`, with the HTTP status of the
 * failure. The problem is the JSON API's, already redacted (sendProblem): one mapping of failures,
 * two spellings, so a refusal before any controller (415, 413, a malformed body) is spelled so too.
 */
export function sendOpen311Errors(reply: FastifyReply, request: FastifyRequest, problem: FailureSpelled): void {
  const descriptions = problem.errors?.length ? problem.errors : [problem.detail];
  const body = descriptions.map((description) => ({ code: problem.status, description }));
  sendOpen311(reply, formatOf(request), { root: 'errors', item: 'error', body }, problem.status);
}
