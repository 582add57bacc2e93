import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { tracer } from './spans';
import { tracing } from './telemetry';

/**
 * A server span per HTTP request, named by its route (POST /tickets), active while the handler
 * runs: the command's append, and through the event's metadata every projection and delivery
 * after it, join its trace. The handler is subscribed inside the span's callback, so the span's
 * context is the one the handler's awaits carry.
 */
@Injectable()
export class HttpTraceInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!tracing() || execution.getType() !== 'http') return next.handle();
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const route = request.routeOptions.url ?? 'unmatched';
    const attributes = { 'http.request.method': request.method, 'http.route': route, 'jinlin.correlation.id': String(request.id) };
    return new Observable((subscriber) =>
      tracer.startActiveSpan(`${request.method} ${route}`, { kind: SpanKind.SERVER, attributes }, (span) => {
        const done = () => {
          span.setAttribute('http.response.status_code', execution.switchToHttp().getResponse<FastifyReply>().statusCode);
          span.end();
        };
        const subscription = next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            span.recordException(error instanceof Error ? error : String(error));
            done();
            subscriber.error(error);
          },
          complete: () => {
            done();
            subscriber.complete();
          },
        });
        return () => subscription.unsubscribe();
      }),
    );
  }
}
