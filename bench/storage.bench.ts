import { Client } from 'pg';
import { signToken } from '../apps/api/src/infrastructure/jwt-secret';
import { migrate } from '../apps/api/src/infrastructure/migrate';
import { ServiceProcess } from '@jinlin/testing';
import { benchDatabase, fmt, machine, recordSection } from './bench-support';
import { generateLifecycles } from './generate-events';

/**
 * Storage per event, for docs/scaling.md: the bytes PostgreSQL holds (pg_total_relation_size: heap,
 * TOAST and indexes) for the log and for the read models the running service keeps from it.
 * 1. Ticket lifecycles (seven events each, filed → rated) made through es_append by the
 *    benchmarks' generator, projected by the service: the log and every read model per event.
 * 2. Filings over HTTP (the real request path: metadata with correlation id and actor, the
 *    notification of the company's staff member, the webhook queue for one webhook): per ticket.
 * After VACUUM (the state autovacuum leaves; upserted read-model rows leave dead tuples before it).
 */
const EVENTS = Number(process.env.BENCH_STORAGE_EVENTS ?? 200_000);
const FILINGS = Number(process.env.BENCH_STORAGE_FILINGS ?? 2_000);
const SECRET = 'bench-storage-secret-that-is-long-enough';

type Size = Readonly<{ table: string; bytes: number; rows: number }>;

async function sizes(url: string): Promise<Size[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('VACUUM');
    const tables = await c.query<{ table: string; bytes: string }>(
      `SELECT relname AS table, pg_total_relation_size(oid) AS bytes FROM pg_class
        WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY pg_total_relation_size(oid) DESC`,
    );
    const out: Size[] = [];
    for (const t of tables.rows) {
      const rows = Number((await c.query(`SELECT count(*) AS n FROM "${t.table}"`)).rows[0].n);
      out.push({ table: t.table, bytes: Number(t.bytes), rows });
    }
    return out;
  } finally {
    await c.end();
  }
}

async function caughtUp(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    for (;;) {
      const head = Number((await c.query('SELECT coalesce(max(global_position), 0) AS p FROM es_events')).rows[0].p);
      const behind = (await c.query('SELECT name FROM projection_checkpoints WHERE position < $1', [head])).rows;
      if (behind.length === 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await c.end();
  }
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const group = (s: Size) =>
  s.table.startsWith('es_') ? 'log' : s.table.startsWith('rm_') || s.table.startsWith('wh_') ? 'read models' : 'other';

async function lifecycles(): Promise<{ events: number; list: Size[] }> {
  const db = await benchDatabase('storage');
  await migrate(db.url);
  const service = await ServiceProcess.start(db.url, SECRET, { LOG_LEVEL: 'warn', TIMERS_RUN: 'false', PROJECTION_BATCH_SIZE: '2000' });
  try {
    const events = await generateLifecycles(db.url, EVENTS, (n) => process.stdout.write(`\rgenerating ${fmt(n)} events`));
    process.stdout.write('\nprojecting\n');
    await caughtUp(db.url);
    return { events, list: await sizes(db.url) };
  } finally {
    await service.stop();
    await db.drop();
  }
}

async function filings(): Promise<{ tickets: number; list: Size[] }> {
  const db = await benchDatabase('storage_http');
  await migrate(db.url);
  const service = await ServiceProcess.start(db.url, SECRET, { LOG_LEVEL: 'warn', TIMERS_RUN: 'false', WEBHOOKS_RUN: 'false' });
  const admin = await signToken(SECRET, { sub: 'admin', roles: ['admin'], communities: [] });
  const resident = await signToken(SECRET, { sub: 'res-a', roles: ['resident'], communities: ['qianpu'] });
  const post = async (path: string, token: string, body: unknown) => {
    const r = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  };
  try {
    await post('/companies', admin, { id: 'jiayuan', name: '嘉园物业' });
    const community = {
      id: 'qianpu',
      name: '前埔一里西小区',
      subdistrict: '莲前街道',
      neighbourhood: '前埔一里社区',
      propertyCompanyId: 'jiayuan',
    };
    await post('/communities', admin, community);
    await post('/people', admin, { id: 'staff-1', name: '小陈', roles: ['staff'], communities: [], companyId: 'jiayuan' });
    // Sending is off: the queue keeps one row per event, as it does until a delivery is made.
    await post('/webhooks', admin, {
      id: 'hook',
      url: 'http://127.0.0.1:9/hook',
      secret: 'storage-webhook-secret-0123',
      events: ['TicketFiled'],
    });
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < FILINGS) {
          const i = next++;
          await post('/tickets', resident, {
            communityId: 'qianpu',
            category: 'elevator',
            title: `3号楼电梯停运 ${i}`,
            description: '早上八点开始电梯不动了，老人下不了楼',
            location: '3号楼',
            channel: 'group_chat',
          });
        }
      }),
    );
    await caughtUp(db.url);
    return { tickets: FILINGS, list: await sizes(db.url) };
  } finally {
    await service.stop();
    await db.drop();
  }
}

function table(list: readonly Size[], per: number, perLabel: string): string {
  const rows = list.filter((s) => s.rows > 0 || s.bytes > 64 * 1024);
  const lines = rows.map((s) => `| ${s.table} | ${fmt(s.rows)} | ${mib(s.bytes)} | ${fmt(s.bytes / per)} |`);
  const totals = ['log', 'read models', 'other'].map((g) => {
    const bytes = list.filter((s) => group(s) === g).reduce((n, s) => n + s.bytes, 0);
    return `| **${g}** |  | **${mib(bytes)}** | **${fmt(bytes / per)}** |`;
  });
  return [`| table | rows | MiB | bytes per ${perLabel} |`, '| --- | ---: | ---: | ---: |', ...lines, ...totals].join('\n');
}

async function main(): Promise<void> {
  const a = await lifecycles();
  const b = await filings();
  const logBytes = a.list.filter((s) => group(s) === 'log').reduce((n, s) => n + s.bytes, 0);
  const readBytes = a.list.filter((s) => group(s) === 'read models').reduce((n, s) => n + s.bytes, 0);
  const perMillion = (bytes: number) => ((bytes / a.events) * 1e6) / 2 ** 30;
  const summary = `Per million events of ticket lifecycles: the log ${perMillion(logBytes).toFixed(2)} GiB, the read models ${perMillion(readBytes).toFixed(2)} GiB, together ${perMillion(logBytes + readBytes).toFixed(2)} GiB (photos not included: they are stored once per sha256, in \`blobs\` or BLOB_DIR).`;
  const markdown = [
    `## Storage (\`npm run bench:storage\`)`,
    '',
    `${new Date().toISOString().slice(0, 10)}, ${machine()}; sizes from pg_total_relation_size (heap, TOAST, indexes) after VACUUM. The machine was shared with other work while this ran; sizes do not depend on it.`,
    '',
    `**${fmt(a.events)} events of ticket lifecycles** (7 per ticket, filed → acknowledged → action → comment → resolved → confirmed → rated; made through es_append by bench/generate-events.ts, projected by the running service; no staff registered, so the notifications are the reporters' own: the resolve and the company's public comment):`,
    '',
    table(a.list, a.events, 'event'),
    '',
    summary,
    '',
    `**${fmt(b.tickets)} filings over HTTP** (one staff member told of each, one webhook queued for each; real metadata):`,
    '',
    table(b.list, b.tickets, 'ticket'),
  ].join('\n');
  process.stdout.write(`\n${markdown}\n`);
  recordSection('storage', markdown);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
