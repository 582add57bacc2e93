import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument, openApiJson } from '../http/openapi-document';

/** From dist/apps/api/src/cli/ (or apps/api/src/cli/) up to the repository. */
const REPO = resolve(__dirname, __dirname.includes('/dist/') ? '../../../../..' : '../../../..');
export const OPENAPI_FILE = resolve(REPO, 'apps/web/src/api/openapi.json');

/**
 * npm run openapi — writes the service's OpenAPI document to apps/web/src/api/openapi.json, from
 * which the web app's client is generated. No database: Nest's preview mode reads the modules and
 * controllers without building a provider, so nothing connects. The configuration is the default
 * one (not this shell's environment), as the test service runs with: BENCH_ENDPOINTS stays off.
 */
async function main(): Promise<void> {
  const config = loadConfig({});
  const app = await NestFactory.create(
    AppModule.forRoot({
      config,
      databaseUrl: 'postgres://preview.invalid/not-connected',
      jwt: { secret: null, jwksUrl: null, localOnly: false },
    }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  // Laid out as the repository's prettier lays out JSON, so format:check holds for the committed file.
  const prettier = await import('prettier');
  const options = await prettier.resolveConfig(OPENAPI_FILE);
  const json = await prettier.format(openApiJson(buildOpenApiDocument(app)), { ...options, filepath: OPENAPI_FILE });
  await app.close();
  mkdirSync(dirname(OPENAPI_FILE), { recursive: true });
  writeFileSync(OPENAPI_FILE, json);
  const paths = Object.keys(JSON.parse(json).paths).length;
  process.stdout.write(`openapi: ${paths} paths written to ${OPENAPI_FILE}\n`);
}

main().catch((error) => {
  process.stderr.write(`openapi: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
