import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from '../http/problem.filter';
import { redactText } from '../http/redact';
import { formatOf, sendOpen311 } from './open311-format';

/**
 * GeoReport v2 errors: `[{code, description}]` / `<errors><error>…`, with the HTTP status of the
 * failure. The status and message are the JSON API's (toProblem): one mapping of failures, two
 * spellings.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problem = toProblem(error);
    if (problem.status >= 500) {
      new Logger('open311').error(`request ${request.id} failed: ${redactText(String((error as Error)?.message ?? error))}`);
    }
    const descriptions = problem.errors?.length ? problem.errors : [problem.detail];
    const body = descriptions.map((d) => ({ code: problem.status, description: redactText(d) }));
    sendOpen311(reply, formatOf(request), { root: 'errors', item: 'error', body }, problem.status);
  }
}
