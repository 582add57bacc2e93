import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createConnection, type AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { ServiceProcess } from '@jinlin/testing';
import { signToken } from '../apps/api/src/infrastructure/jwt-secret';
import { benchDatabase, fmt, machine, percentile, postLoad, recordSection, type LoadRun } from './bench-support';

/**
 * `POST /tickets` with 3 webhooks registered (loopback receivers answering 200) against none, in
 * one run on one service, and the delivery lag from the event's recorded time (its commit) to its
 * receipt. The receivers run in this process, as autocannon does: on one machine both compete
 * with the service for the CPU, which makes "on" look worse, not better.
 */
const SECONDS = Number(process.env.BENCH_NOTIFY_SECONDS ?? 15);
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const HOOK_SECRET = 'bench-webhook-secret-0123';
const body = JSON.stringify({
  communityId: 'qianpu',
  category: 'elevator',
  title: '3号楼电梯停运',
  description: '早上八点开始电梯不动了，老人下不了楼',
  location: '3号楼',
  channel: 'app',
});

type Receiver = { server: Server; url: string; lags: number[]; received: Set<string> };

async function receiver(): Promise<Receiver> {
  const lags: number[] = [];
  const received = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; recordedAt: string };
      if (!received.has(event.id)) lags.push(at - Date.parse(event.recordedAt));
      received.add(event.id);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, lags, received };
}

async function post(url: string, path: string, token: string, payload: object): Promise<void> {
  const r = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  if (r.status !== 201) throw new Error(`${path}: ${r.status} ${await r.text()}`);
}

/** Waits until every receiver has this many events (or 60 s pass); answers how long the drain took. */
async function drain(receivers: Receiver[], expected: number, each: readonly number[] = receivers.map(() => expected)): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 60_000 && receivers.some((r, i) => r.received.size < each[i])) await new Promise((r) => setTimeout(r, 50));
  return Date.now() - started;
}

/** The lags recorded since the last call, sorted, and the receivers' lists emptied. */
function takeLags(receivers: Receiver[]): number[] {
  const lags = receivers.flatMap((r) => r.lags.splice(0)).sort((a, b) => a - b);
  return lags;
}

const row = (label: string, r: LoadRun, note = '') => `| ${label} | ${fmt(r.rps)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${note} |`;

/** A service on a database of its own, seeded with one company and one community. */
async function startService(label: string, env: Record<string, string>) {
  const db = await benchDatabase(label);
  const service = await ServiceProcess.start(db.url, SECRET, { LOG_LEVEL: 'warn', TIMERS_RUN: 'false', ...env });
  const admin = await signToken(SECRET, { sub: 'admin', roles: ['admin'], communities: [] });
  const resident = await signToken(SECRET, { sub: 'res', roles: ['resident'], communities: ['qianpu'] });
  await post(service.url, '/companies', admin, { id: 'jiayuan', name: '嘉园物业' });
  await post(service.url, '/communities', admin, {
    id: 'qianpu',
    name: '前埔一里西小区',
    subdistrict: '莲前街道',
    neighbourhood: '前埔一里社区',
    propertyCompanyId: 'jiayuan',
  });
  const load = (seconds: number, overallRate?: number) =>
    postLoad({ url: `${service.url}/tickets`, token: resident, body, seconds, connections: 16, overallRate });
  await load(3); // warm-up
  return {
    db,
    url: service.url,
    admin,
    load,
    stop: async () => {
      await service.stop();
      await db.drop();
    },
  };
}

/** NATS_URL, else the machine's NATS (.ci/run starts it on 127.0.0.1:4222) if it answers, else none. */
async function natsUrl(): Promise<string | null> {
  if (process.env.NATS_URL) return process.env.NATS_URL;
  const up = await new Promise<boolean>((resolve) => {
    const socket = createConnection(4222, '127.0.0.1', () => resolve(true));
    socket.on('error', () => resolve(false));
    setTimeout(() => resolve(false), 1000);
  }).catch(() => false);
  return up ? 'nats://127.0.0.1:4222' : null;
}

async function main(): Promise<void> {
  const nats = await natsUrl();
  const tag = randomBytes(3).toString('hex');
  const natsEnv: Record<string, string> = nats
    ? { NATS_URL: nats, NATS_STREAM: `BENCH_NOTIFY_${tag}`, NATS_SUBJECT_PREFIX: `bench.notify${tag}.events` }
    : {};
  const receivers = [await receiver(), await receiver(), await receiver()];
  const offService = await startService('notify_off', {});
  const server = offService.db.server;
  let off: LoadRun;
  try {
    off = await offService.load(SECONDS);
  } finally {
    await offService.stop();
  }
  const on = await startService('notify_on', natsEnv);
  try {
    for (const [i, r] of receivers.entries()) {
      await post(on.url, '/webhooks', on.admin, { id: `bench-${i}`, url: r.url, secret: HOOK_SECRET, events: ['TicketFiled'] });
    }
    await new Promise((r) => setTimeout(r, 1000)); // the projection reads the registrations before the load
    const before0 = receivers.map((r) => r.received.size);
    const full = await on.load(SECONDS);
    const drainMs = await drain(
      receivers,
      0,
      before0.map((b) => b + full.ok),
    );
    const fullLags = takeLags(receivers);
    // The lag as a receiver sees it when the service is not saturated: half the "off" rate.
    const rate = Math.max(10, Math.round(off.rps / 2));
    const before = receivers.map((r) => r.received.size);
    const paced = await on.load(10, rate);
    await drain(
      receivers,
      0,
      before.map((b) => b + paced.ok),
    );
    const half = takeLags(receivers);
    const delivered = receivers.map((r) => r.received.size);
    const lagRow = (label: string, lags: number[], note: string) =>
      `| ${label} | | ${percentile(lags, 50).toFixed(0)} | ${percentile(lags, 99).toFixed(0)} | ${note} |`;
    const onLabel = `the same with 3 webhooks (json, loopback receivers answering 200)${nats ? ' and NATS JetStream' : ''}`;
    const table = [
      '| measure | req/s | p50 ms | p99 ms | note |',
      '| --- | ---: | ---: | ---: | --- |',
      row(`POST /tickets, no webhooks${nats ? ', no NATS' : ''}, 16 connections, ${SECONDS} s`, off),
      row(onLabel, full, `${(full.rps / off.rps).toFixed(2)}× off (target ≥ 0.8×)`),
      lagRow(
        `webhook delivery lag, event recorded → receipt, the ${fmt(fullLags.length)} deliveries of that run`,
        fullLags,
        `drained ${(drainMs / 1000).toFixed(1)} s after the load ended`,
      ),
      lagRow(`webhook delivery lag at ${rate} filings/s (half of "off"), 10 s, ${fmt(half.length)} deliveries`, half, ''),
    ].join('\n');
    const notes =
      `Filings answered 201 with webhooks on: ${fmt(full.ok + paced.ok)}; delivered per receiver: ${delivered.map(fmt).join(', ')}. ` +
      `Errors/non-2xx: off ${off.errors + off.non2xx}, on ${full.errors + full.non2xx}. ` +
      (nats
        ? `NATS: ${nats}, a stream of the bench's own (${natsEnv.NATS_STREAM}). `
        : 'NATS: none answering, so "on" is webhooks only. ') +
      `Load average at the end: ${loadavg()[0].toFixed(1)} (other work on the machine makes the ratio noisy).`;
    process.stdout.write(`\n${table}\n\n${notes}\n`);
    recordSection(
      'notify',
      `## tenth session — notifications (issue 18) (\`npm run bench:notify\`)\n\n${new Date().toISOString().slice(0, 10)}, ${machine()}, ${server}; services as child processes (LOG_LEVEL=warn), load and the 3 receivers in the bench process on the same machine. "off" and "on" are two services on fresh databases, one after the other in one run.\n\n${table}\n\n${notes}`,
    );
  } finally {
    await on.stop();
    for (const r of receivers) r.server.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
