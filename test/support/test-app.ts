import { Client } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createLogger } from '../../apps/api/src/infrastructure/logger';
import { migrate } from '../../apps/api/src/infrastructure/migrate';
import { signToken, type TokenClaims } from '../../apps/api/src/infrastructure/jwt-secret';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

export type TestApp = Readonly<{
  url: string;
  db: TestDatabase;
  app: NestFastifyApplication;
  token: (claims: TokenClaims) => Promise<string>;
  close: () => Promise<void>;
}>;

/** The real service on a fresh database, listening on a free port: tests talk to it over HTTP. */
export async function startTestApp(label: string, env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase(label);
  await migrate(db.url);
  const instance = await startInstance(db, env);
  return {
    ...instance,
    close: async () => {
      await instance.close();
      await db.drop();
    },
  };
}

/** Another service instance on a test app's database, as several share one in production; closing it leaves the database. */
export async function startInstance(db: TestDatabase, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    PORT: '0',
    LOG_LEVEL: 'error',
    PROJECTION_POLL_MS: '50',
    TIMERS_RUN: 'false',
    ...env,
  });
  const app = await createApp({
    config,
    databaseUrl: db.url,
    jwt: { secret: TEST_JWT_SECRET, jwksUrl: null, localOnly: false },
    logger: createLogger('error'),
  });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    url: url.replace('[::1]', '127.0.0.1'),
    db,
    app,
    token: (claims) => signToken(TEST_JWT_SECRET, claims),
    close: () => app.close(),
  };
}

export type Reply<T = any> = Readonly<{ status: number; headers: Headers; body: T; text: string }>;

export async function http<T = any>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined;
  if (options.raw !== undefined) payload = options.raw;
  else if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: payload });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

/** One SQL statement against a test app's database, for tests that look behind the API. */
export async function sql<T = any>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
