import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:zlib';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { repoRoot } from '@jinlin/database';

/** Where `npm run build` (vite) puts the web app: dist/web at the repository's root. */
export const WEB_ROOT = join(repoRoot(__dirname), 'dist', 'web');

/**
 * SPEC §10: GET /app serves the one web application, from the files vite built. The app's routes
 * (/app/m/…, /app/console/…) are the browser's: any path under /app that is not a file answers
 * index.html, and the router takes it from there. Hashed assets are immutable for a year;
 * index.html is revalidated each time so a new build reaches users at once.
 *
 * Compression: the build writes each asset also as .br and .gz at the strongest settings, and
 * @fastify/static sends the one the browser accepts (preCompressed); index.html and the rest are
 * compressed per answer by @fastify/compress, registered in this plugin's own context; the API's
 * answers have their own (installApiCompression).
 * The page headers (CSP of our own origin, no inline script, nosniff, frame-ancestors 'none') come
 * from installPageHeaders, which judges by the answer's content type.
 */
export async function installWebApp(fastify: FastifyInstance): Promise<void> {
  const built = existsSync(join(WEB_ROOT, 'index.html'));
  await fastify.register(
    async (app) => {
      if (!built) {
        app.get('/*', async (_request, reply) =>
          reply.code(503).type('text/plain; charset=utf-8').send('the web app has not been built: run `npm run build`'),
        );
        return;
      }
      const index = readFileSync(join(WEB_ROOT, 'index.html'));
      await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'] });
      await app.register(fastifyStatic, {
        root: WEB_ROOT,
        prefix: '/',
        wildcard: false,
        index: false,
        decorateReply: false,
        preCompressed: true,
        setHeaders: (res, path) => {
          void res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      const page = async (_request: unknown, reply: import('fastify').FastifyReply) =>
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
      app.get('/', page);
      app.setNotFoundHandler(async (request, reply) => {
        const path = request.url.split('?')[0];
        // A missing asset is a 404, not the page (a stale tab asking for an old chunk must fail loudly).
        if ((request.method === 'GET' || request.method === 'HEAD') && path.startsWith('/app/') && !path.startsWith('/app/assets/'))
          return page(request, reply);
        return reply
          .code(404)
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'Not Found', status: 404, detail: `no route ${request.method} ${path}` });
      });
    },
    { prefix: '/app' },
  );
}

/**
 * The API's answers of 1 KiB and more, compressed when the client asks: a work queue of 5,000 open
 * tickets is fifty pages of about 100 KB of JSON that compress about tenfold, and a phone on a
 * slow network feels every byte. Brotli at quality 4 (about gzip's speed, smaller) or gzip, as the
 * client prefers; a command's answer ({id, version}) stays under the threshold and is sent as is.
 * Behind the Caddy of docker/compose.yml an answer arrives compressed and is passed through.
 * Registered after the web app, whose routes keep their own; the notification stream writes to
 * the socket itself (hijacked), so no compressor buffers its events.
 */
export async function installApiCompression(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    customTypes: /^(application\/(json|problem\+json|xml)|text\/(csv|xml|html))(;|$)/,
  });
}
