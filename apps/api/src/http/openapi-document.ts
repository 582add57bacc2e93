import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The service's OpenAPI document, as /docs/openapi.json serves it and `npm run openapi` writes it
 * for the web app's generated client: one builder, so the two cannot differ.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jinlin 近邻')
      .setDescription('Event-sourced issue tracking for residential communities')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('jinlin_session')
      .build(),
  );
}

/** Objects' keys sorted, recursively (arrays keep their order): the committed file diffs only where the API changed. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortedKeys(v);
  }
  return out;
}

/** The document as committed in apps/web/src/api/openapi.json: sorted keys, two-space indent, final newline. */
export function openApiJson(document: OpenAPIObject): string {
  return `${JSON.stringify(sortedKeys(document), null, 2)}\n`;
}
