import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { Ctx } from '../apps/api/src/commands/command-context';
import { sortedKeys } from '../apps/api/src/http/openapi-document';
import { http, startTestApp, type TestApp } from './support/test-app';

/**
 * The web app's API client is generated from apps/web/src/api/openapi.json: the committed file
 * must be what the running service serves, or the client is built against an API that is not there.
 */
const COMMITTED = resolve(__dirname, '../apps/web/src/api/openapi.json');

let t: TestApp;
let served: any;
beforeAll(async () => {
  t = await startTestApp('openapi');
  const res = await http(t.url, 'GET', '/docs/openapi.json');
  expect(res.status).toBe(200);
  served = res.body;
});
afterAll(() => t.close());

/** Where two JSON values differ, as JSON-pointer-like paths (the first few). */
function differences(a: unknown, b: unknown, at = '', out: string[] = []): string[] {
  if (out.length >= 10) return out;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) differences((a as any)[key], (b as any)[key], `${at}/${key}`, out);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${at || '/'}: committed ${JSON.stringify(a)?.slice(0, 80)}, served ${JSON.stringify(b)?.slice(0, 80)}`);
  }
  return out;
}

it('the committed apps/web/src/api/openapi.json is the document the service serves at /docs/openapi.json', () => {
  const committed = JSON.parse(readFileSync(COMMITTED, 'utf8'));
  const drift = differences(committed, sortedKeys(served));
  if (drift.length) {
    throw new Error(`apps/web/src/api/openapi.json is out of date: run npm run openapi\n${drift.join('\n')}`);
  }
  // The check itself: a changed document is caught (not a comparison that always passes).
  expect(differences(committed, { ...committed, paths: { ...committed.paths, '/extra': {} } })).toEqual([
    '/paths//extra: committed undefined, served {}',
  ]);
});

/**
 * The Open311 façade (apps/api/src/open311, issue 20) is its owner's to document, in Open311's own
 * error format: until then the rules below leave it out, by name. Drift is still caught for it.
 */
const NOT_YET_DOCUMENTED = /^\S+ \/open311\//;

type Operation = { parameters?: { name: string; in: string }[]; responses: Record<string, unknown>; requestBody?: any };
const operations = (doc: any): [string, Operation][] =>
  Object.entries(doc.paths as Record<string, Record<string, Operation>>)
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]))
    .filter(([name]) => !NOT_YET_DOCUMENTED.test(name));

it('every operation documents at least one 4xx answer, with the problem document as its body', () => {
  const none = operations(served).filter(([, op]) => !Object.keys(op.responses).some((s) => /^4\d\d$/.test(s)));
  expect(none.map(([name]) => name)).toEqual([]);
  const withoutProblem = operations(served).flatMap(([name, op]) =>
    Object.entries(op.responses)
      .filter(([status, r]: [string, any]) => /^4\d\d$/.test(status) && !r.content?.['application/problem+json'])
      .map(([status]) => `${name} ${status}`),
  );
  expect(withoutProblem).toEqual([]);
  expect(served.components.schemas.ProblemDto.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
});

/** Every schema in the document, components and inline, with where it is. */
function* schemas(value: unknown, at: string): Generator<[string, any]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* schemas(v, `${at}/${i}`);
  } else if (value && typeof value === 'object') {
    if ('type' in value || 'properties' in value || '$ref' in value) yield [at, value];
    for (const [k, v] of Object.entries(value)) yield* schemas(v, `${at}/${k}`);
  }
}

it('no schema property has "string" as its example, and every string a request body takes has an example (what Try it out sends)', () => {
  const placeholders = [...schemas(served, '#')].filter(([, s]) => s.example === 'string').map(([at]) => at);
  expect(placeholders).toEqual([]);
  const component = (s: any) => (s?.$ref ? served.components.schemas[s.$ref.split('/').pop()] : s);
  const missing: string[] = [];
  const visit = (s: any, at: string, seen: Set<unknown>): void => {
    s = component(s);
    if (!s || seen.has(s)) return;
    seen.add(s);
    if (s.type === 'string' && s.example === undefined && !s.enum && s.default === undefined && s.format !== 'binary') missing.push(at);
    for (const [k, v] of Object.entries<any>(s.properties ?? {})) if (v.example === undefined) visit(v, `${at}.${k}`, seen);
    if (s.items) visit(s.items, `${at}[]`, seen);
  };
  for (const [name, op] of operations(served))
    for (const media of Object.values<any>(op.requestBody?.content ?? {})) visit(media.schema, name, new Set());
  expect(missing).toEqual([]);
});

/** The controller methods that read If-Match and Idempotency-Key: those taking @Ctx() (command-context.ts) or the header itself. */
function operationsReading(header: string): string[] {
  class Probe {
    handle(@Ctx() _ctx: unknown) {}
  }
  const probe = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handle') as Record<string, unknown>;
  const ctxKey = Object.keys(probe)[0].replace(/:\d+$/, '');
  const found: string[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype || Reflect.getMetadata('swagger/apiExcludeController', metatype)) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
        const handler = metatype.prototype[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        if (typeof handler !== 'function' || path === undefined) continue;
        const args = Object.entries<any>(Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {});
        const reads = args.some(([key, arg]) => key.replace(/:\d+$/, '') === ctxKey || arg.data === header.toLowerCase());
        if (!reads) continue;
        for (const one of [path].flat()) {
          const route = `/${[base, String(one)].filter((p) => p && p !== '/').join('/')}`.replace(/:(\w+)/g, '{$1}');
          found.push(`${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)]} ${route}`);
        }
      }
    }
  }
  return found.filter((name) => !NOT_YET_DOCUMENTED.test(name)).sort();
}

it.each(['If-Match', 'Idempotency-Key'])('every operation that reads %s documents it as a request header', (header) => {
  const reading = operationsReading(header);
  // The commands: the scan must find them, or this test would pass on nothing.
  expect(reading).toEqual(expect.arrayContaining(['POST /tickets', 'POST /tickets/{id}/acknowledge', 'PUT /calendars/cn/{year}']));
  const documented = new Map(operations(served));
  const undocumented = reading.filter((name) => {
    const op = documented.get(name);
    if (!op) throw new Error(`${name} reads ${header} but is not in the document`);
    return !op.parameters?.some((p) => p.in === 'header' && p.name.toLowerCase() === header.toLowerCase());
  });
  expect(undocumented).toEqual([]);
});

it('a command documents the ETag and Jinlin-Position it answers with, and 412 for a stale If-Match', () => {
  const acknowledge = served.paths['/tickets/{id}/acknowledge'].post;
  expect(Object.keys(acknowledge.responses['200'].headers)).toEqual(expect.arrayContaining(['ETag', 'Jinlin-Position']));
  expect(acknowledge.responses['412']).toBeDefined();
  expect(served.paths['/tickets/{id}'].get.responses['200'].headers.ETag).toBeDefined();
});
