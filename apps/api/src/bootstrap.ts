import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { AppModule, type AppOptions } from './app.module';
import { MAX_UPLOAD_BYTES } from './attachments/image';
import { AUTH_ERRORS } from './auth/auth-errors';
import { guardBody } from './http/body-guard';
import { buildOpenApiDocument } from './http/openapi-document';
import { redactUrl } from './http/redact';
import { installPageHeaders } from './http/page-headers';
import { installRequestRules, requestIdOf } from './http/request-rules';
import { PinoNestLogger } from './infrastructure/logger';
import { METRICS, type Metrics } from './metrics/metrics';
import { installApiCompression, installWebApp } from './web-app/web-app';

export const BODY_LIMIT_BYTES = 64 * 1024;
/** SPEC §8: headers ≤ 16 KiB (Node answers 431 beyond). */
export const HEADER_LIMIT_BYTES = 16 * 1024;

/** The configured application, not yet listening: main() and the e2e tests both start it this way. */
export async function createApp(options: AppOptions & { logger: Logger }): Promise<NestFastifyApplication> {
  const bodyTimeoutMs = options.config.bodyTimeoutMs;
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // Fastify's "trust the first n hops", as a function (its typings leave out the number form).
    trustProxy: (_address: string, hop: number) => hop < options.config.trustProxyHops,
    // A body that never finishes would hold its connection (and a file descriptor) for ever: Node
    // answers 408 and closes it once the whole request has not arrived in time. Node checks every
    // connectionsCheckingInterval, so the bound is that much late at worst.
    requestTimeout: bodyTimeoutMs,
    http: { maxHeaderSize: HEADER_LIMIT_BYTES, connectionsCheckingInterval: Math.min(1000, bodyTimeoutMs), headersTimeout: bodyTimeoutMs },
    // Per-request lines only from warn up: at info they would cost a tenth of the throughput.
    loggerInstance: options.logger.child(
      {},
      {
        level: options.logger.levelVal > 40 ? options.logger.level : 'warn',
        serializers: {
          req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: redactUrl(req.url), id: req.id }),
        },
      },
    ),
    requestIdHeader: false,
    genReqId: requestIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  // Cookies are parsed only where asked (the guard, without a Bearer token): no hook on every request.
  await app.register(fastifyCookie, { hook: false });
  // Only routes that ask for it are limited: POST /auth/sign-in, at these settings. The username
  // lockout stops guessing at one account; this stops one address spraying guesses over many.
  await app.register(fastifyRateLimit, {
    global: false,
    max: options.config.signInRateLimit,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) => AUTH_ERRORS.signInRateLimited(context.after),
  });
  // POST /attachments: one file, read as a stream that stops at 10 MiB (413), not a body in memory.
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0, parts: 1 }, throwFileSizeLimit: true });
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get<Metrics>(METRICS);
  installRequestRules(fastify);
  installPageHeaders(fastify);
  await installWebApp(fastify);
  await installApiCompression(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
  });
  // A command with nothing to say (confirm) may come without a body: validate it as {}.
  fastify.addHook('preValidation', async (request) => {
    if (request.method === 'POST' || request.method === 'PUT') request.body = guardBody(request.body);
    if (request.query && typeof request.query === 'object') guardBody({ ...(request.query as object) });
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: reply.statusCode }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) request.log.error({ status: reply.statusCode, url: redactUrl(request.url) }, 'request failed');
  });
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
