import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';

/**
 * The Open311 project's own JSON schemas (open311/schema-validation, schema/georeport-v2), copied
 * unchanged into test/open311-schema so that a clean clone has them. Each gets its file name as
 * `$id`, so that `"$ref": "service.json"` resolves.
 */
const SCHEMA_DIR = join(__dirname, '..', 'open311-schema');
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json'))) {
  ajv.addSchema({ ...JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')), $id: file });
}

export type SchemaName = 'services.json' | 'service.json' | 'service-definition.json' | 'requests.json' | 'request.json';

/** The schema's verdict on a body: [] when it conforms, else one line per violation. */
export function schemaErrors(schema: SchemaName, body: unknown): string[] {
  const validate = ajv.getSchema(schema) as ValidateFunction;
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** Lists in GeoReport XML (a list of one is still a list), parsed with fast-xml-parser. */
const LIST_TAGS = new Set(['service', 'request', 'error', 'endpoint', 'format', 'attribute', 'value']);
const parser = new XMLParser({ isArray: (name) => LIST_TAGS.has(name), parseTagValue: false, ignoreDeclaration: true });

export function parseXml(text: string): any {
  return parser.parse(text, true);
}
