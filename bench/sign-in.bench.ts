import 'reflect-metadata';
import autocannon from 'autocannon';
import { ServiceProcess } from '@jinlin/testing';
import { signToken } from '../apps/api/src/infrastructure/jwt-secret';
import { ARGON2_PARAMETERS, hashPassword, verifyPassword } from '../apps/api/src/people/passwords';
import { benchDatabase, fmt, machine, percentile } from './bench-support';

/**
 * What sign-in costs (SPEC §2.2): argon2id verification alone, POST /auth/sign-in under load, and
 * what a session cookie costs each request beside a Bearer token (GET /auth/me both ways). The
 * load signs in successfully with one username per connection: failures would lock a username
 * after five, and attempts for one username take turns, so sharing one would measure the queue.
 */
const SECONDS = Number(process.env.BENCH_SIGN_IN_SECONDS ?? 10);
const CONNECTIONS = 8;
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const PASSWORD = 'bench password 0123456789';

type Run = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

function summary(times: number[], result: autocannon.Result): Run {
  times.sort((a, b) => a - b);
  const { average } = result.requests;
  return { rps: average, p50: percentile(times, 50), p99: percentile(times, 99), errors: result.errors, non2xx: result.non2xx };
}

/** Each connection gets its own body (its own username) or headers; percentiles from each response's own hrtime. */
async function load(
  url: string,
  options: { method: 'GET' | 'POST'; path: string; seconds: number; perClient: (i: number) => { headers?: object; body?: string } },
): Promise<Run> {
  const times: number[] = [];
  let next = 0;
  const result = await autocannon({
    url: `${url}${options.path}`,
    method: options.method,
    connections: CONNECTIONS,
    duration: options.seconds,
    setupClient: (client) => {
      const { headers, body } = options.perClient(next++);
      client.setHeadersAndBody({ 'content-type': 'application/json', ...headers }, body);
      client.on('response', (_status: number, _bytes: number, ms: number) => times.push(ms));
    },
  });
  return summary(times, result);
}

async function argon2Verify(rounds: number): Promise<{ p50: number; p99: number }> {
  const hash = await hashPassword(PASSWORD);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    if (!(await verifyPassword(hash, PASSWORD))) throw new Error('argon2 did not verify its own hash');
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function post(url: string, path: string, body: object, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function seed(url: string, admin: string): Promise<void> {
  await post(url, '/companies', { id: 'jiayuan', name: '嘉园物业' }, admin);
  await post(
    url,
    '/communities',
    { id: 'qianpu', name: '前埔一里西小区', subdistrict: '莲前街道', neighbourhood: '前埔一里社区', propertyCompanyId: 'jiayuan' },
    admin,
  );
  for (let i = 0; i < CONNECTIONS; i++) {
    const person = { id: `bench-${i}`, name: `住户${i}`, roles: ['resident'], communities: ['qianpu'] };
    await post(url, '/people', { ...person, username: `bench-user-${i}`, password: PASSWORD }, admin);
  }
}

/** One answer's time, sequentially: a wrong password for a known username beside an unknown username. */
async function oneAttempt(url: string, username: string, password: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  await res.text();
  if (res.status !== 401) throw new Error(`expected 401 for ${username}, got ${res.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function refusals(url: string, rounds: number): Promise<{ wrongPassword: number; unknownUser: number }> {
  const wrong: number[] = [];
  const unknown: number[] = [];
  // Four wrong passwords per username at most: the fifth would lock it before the load run.
  for (let i = 0; i < rounds; i++) {
    wrong.push(await oneAttempt(url, `bench-user-${i % CONNECTIONS}`, 'not the password'));
    unknown.push(await oneAttempt(url, `nobody-${i}`, 'not the password'));
  }
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  return { wrongPassword: median(wrong), unknownUser: median(unknown) };
}

async function main(): Promise<void> {
  const verify = await argon2Verify(50);
  const db = await benchDatabase('sign_in');
  const service = await ServiceProcess.start(db.url, SECRET, { LOG_LEVEL: 'warn', TIMERS_RUN: 'false', SIGN_IN_RATE_LIMIT: '100000' });
  try {
    const admin = await signToken(SECRET, { sub: 'admin', roles: ['admin'], communities: [] });
    const resident = await signToken(SECRET, { sub: 'bench-0', roles: ['resident'], communities: ['qianpu'] });
    await seed(service.url, admin);
    const refused = await refusals(service.url, Math.min(4 * CONNECTIONS, 24));
    const signInBody = (i: number) => ({ body: JSON.stringify({ username: `bench-user-${i % CONNECTIONS}`, password: PASSWORD }) });
    await load(service.url, { method: 'POST', path: '/auth/sign-in', seconds: 2, perClient: signInBody }); // warm-up
    const signIn = await load(service.url, { method: 'POST', path: '/auth/sign-in', seconds: SECONDS, perClient: signInBody });
    const cookie = (await post(service.url, '/auth/sign-in', { username: 'bench-user-0', password: PASSWORD })).headers
      .getSetCookie()[0]
      .split(';')[0];
    const meSeconds = Math.max(3, Math.round(SECONDS / 2));
    const byCookie = await load(service.url, {
      method: 'GET',
      path: '/auth/me',
      seconds: meSeconds,
      perClient: () => ({ headers: { cookie } }),
    });
    const byBearer = await load(service.url, {
      method: 'GET',
      path: '/auth/me',
      seconds: meSeconds,
      perClient: () => ({ headers: { authorization: `Bearer ${resident}` } }),
    });
    const { memoryCost, timeCost, parallelism } = ARGON2_PARAMETERS;
    const rows = [
      [`argon2id verify in-process (m=${memoryCost / 1024} MiB, t=${timeCost}, p=${parallelism}), 50 in a row`, '', verify.p50, verify.p99],
      [`401 wrong password, known username (median of ${Math.min(4 * CONNECTIONS, 24)}, one at a time)`, '', refused.wrongPassword, NaN],
      [`401 unknown username (verifyNothing decoy), same`, '', refused.unknownUser, NaN],
      [
        `POST /auth/sign-in 200, autocannon ${CONNECTIONS} connections × own username, ${SECONDS} s`,
        fmt(signIn.rps),
        signIn.p50,
        signIn.p99,
      ],
      [`GET /auth/me with the session cookie, ${meSeconds} s`, fmt(byCookie.rps), byCookie.p50, byCookie.p99],
      [`GET /auth/me with a Bearer token, ${meSeconds} s`, fmt(byBearer.rps), byBearer.p50, byBearer.p99],
    ];
    const ms = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(2) : '');
    const table = [
      '| measure | req/s | p50 ms | p99 ms |',
      '| --- | ---: | ---: | ---: |',
      ...rows.map(([what, rps, p50, p99]) => `| ${what} | ${rps} | ${ms(p50)} | ${ms(p99)} |`),
    ].join('\n');
    const bad = [signIn, byCookie, byBearer].reduce((n, r) => n + r.errors + r.non2xx, 0);
    process.stdout.write(
      `\n${new Date().toISOString().slice(0, 10)}, ${machine()}, ${db.server}; service as a child process, load from the same machine.\n\n${table}\n\nerrors/non-2xx during the measured runs: ${bad}\n`,
    );
  } finally {
    await service.stop();
    await db.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
