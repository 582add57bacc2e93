import 'reflect-metadata';
import { Client } from 'pg';
import sharp from 'sharp';
import { ServiceProcess } from '@jinlin/testing';
import { signToken } from '../apps/api/src/infrastructure/jwt-secret';
import { benchDatabase, fmt, machine, postLoad, type LoadRun } from './bench-support';

/**
 * What photos cost a filing (SPEC §4.6): POST /tickets with three attachmentIds against the same
 * filing without, alternately on one service. Every filing attaches its own three unattached
 * uploads (an upload is attached once). Three photos are uploaded over HTTP; the rest are copies of
 * their rows made in SQL beforehand — what uploading the same photos again leaves (one blob per
 * hash, one row per upload) — so the measured run is the filing only: the check of each id's
 * owner and state, marking them attached in the filing's transaction, and the event carrying them.
 */
const SECONDS = Number(process.env.BENCH_TICKET_PHOTOS_SECONDS ?? 10);
const CONNECTIONS = 16;
const PHOTOS = 3;
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const filing = {
  communityId: 'qianpu',
  category: 'elevator',
  title: '3号楼电梯停运',
  description: '早上八点开始电梯不动了，老人下不了楼',
  location: '3号楼',
  channel: 'app',
};

/** POST /tickets as bench:http does; `ids` hands each request its own uploads when given. */
function load(url: string, token: string, seconds: number, ids?: () => string[]): Promise<LoadRun> {
  return postLoad({
    url: `${url}/tickets`,
    token,
    body: JSON.stringify(filing),
    seconds,
    connections: CONNECTIONS,
    setupRequest: ids ? (request) => ({ ...request, body: JSON.stringify({ ...filing, attachmentIds: ids() }) }) : undefined,
  });
}

async function post(url: string, path: string, token: string, payload: object): Promise<void> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

/** A 1600 × 1200 phone-sized JPEG, different for each `seed`. */
const photo = (seed: number) =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40 + seed * 50, g: 120, b: 200 - seed * 30 } } })
    .jpeg({ quality: 90 })
    .toBuffer();

async function uploadPhoto(url: string, token: string, bytes: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'IMG.jpg');
  const res = await fetch(`${url}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** `filings` sets of PHOTOS unattached uploads of `uploaded`'s owner, one copy of each uploaded row per set. */
async function unattachedSets(sql: Client, uploaded: readonly string[], filings: number): Promise<string[][]> {
  const rows: { id: string }[] = (
    await sql.query(
      `INSERT INTO attachments (id, owner_id, sha256, thumb_sha256, mime, bytes, width, height)
       SELECT gen_random_uuid(), owner_id, sha256, thumb_sha256, mime, bytes, width, height
         FROM attachments a CROSS JOIN generate_series(1, $2) g WHERE a.id = ANY($1::uuid[])
        ORDER BY g, a.id RETURNING id`,
      [uploaded, filings],
    )
  ).rows;
  const sets: string[][] = [];
  for (let i = 0; i + PHOTOS <= rows.length; i += PHOTOS) sets.push(rows.slice(i, i + PHOTOS).map((r) => r.id));
  return sets;
}

async function main(): Promise<void> {
  const db = await benchDatabase('ticket_photos');
  const service = await ServiceProcess.start(db.url, SECRET, { LOG_LEVEL: 'warn', TIMERS_RUN: 'false' });
  const sql = new Client({ connectionString: db.url });
  try {
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
    const uploaded: string[] = [];
    for (let i = 0; i < PHOTOS; i++) uploaded.push(await uploadPhoto(service.url, resident, await photo(i)));
    await sql.connect();

    await load(service.url, resident, 3); // warm-up, as bench:http
    const runs: { label: string; run: LoadRun; sets?: number }[] = [];
    for (let round = 1; round <= 2; round++) {
      const without = await load(service.url, resident, SECONDS);
      runs.push({ label: `without photos, ${round === 1 ? '1st' : '2nd'}`, run: without });
      // Enough sets for half as fast again as the filing without photos; each is handed out once.
      const sets = await unattachedSets(sql, uploaded, Math.ceil(without.rps * SECONDS * 1.5) + 500);
      let next = 0;
      const withPhotos = await load(service.url, resident, SECONDS, () => sets[next++] ?? sets[0]);
      runs.push({ label: `with ${PHOTOS} photos each, ${round === 1 ? '1st' : '2nd'}`, run: withPhotos, sets: sets.length });
    }
    const attached = Number((await sql.query(`SELECT count(*) AS n FROM attachments WHERE attached_to_ticket IS NOT NULL`)).rows[0].n);
    const expected = runs.filter((r) => r.sets !== undefined).reduce((n, r) => n + r.run.ok * PHOTOS, 0);

    const rows = runs.map(({ label, run }, i) => {
      const ratio = i % 2 === 1 ? `${(run.rps / runs[i - 1].run.rps).toFixed(2)}× without (run before)` : '';
      return `| ${label} | ${fmt(run.rps)} | ${run.p50.toFixed(2)} | ${run.p99.toFixed(2)} | ${run.errors + run.non2xx} | ${ratio} |`;
    });
    const table = [
      `| \`POST /tickets\`, autocannon ${CONNECTIONS} connections, ${SECONDS} s each | req/s | p50 ms | p99 ms | errors or non-2xx | ratio |`,
      '| --- | ---: | ---: | ---: | ---: | --- |',
      ...rows,
    ].join('\n');
    process.stdout.write(
      `\n${new Date().toISOString().slice(0, 10)}, ${machine()}, ${db.server}; service as a child process (LOG_LEVEL=warn), load from the same machine.\n\n${table}\n\nuploads attached: ${fmt(attached)}; ${PHOTOS} × the 2xx filings with photos autocannon counted: ${fmt(expected)} (filings still in flight when a run ends commit uncounted)\n`,
    );
  } finally {
    await sql.end().catch(() => undefined);
    await service.stop();
    await db.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
