import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { Principal, TicketEvent } from '@jinlin/domain';
import type { StoredEvent } from '@jinlin/event-store';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { PROJECTION_ENGINE_MIGRATIONS, READ_MODEL_MIGRATIONS } from '../index';
import { saveCheckpoint, ensureCheckpoint } from '../engine/checkpoints';
import { COUNTER_COLUMNS } from './contribution';
import { dashboardSummary, type SummaryQuery } from './summary.query';
import { TICKET_METRICS_PROJECTION, TICKET_METRICS_TABLES, TicketMetricsProjection } from './ticket-metrics.projection';
import { referenceSummary } from './testing/reference-figures';
import { BASE, CATEGORIES, COMMUNITIES, COMPANIES, DAY, histories, random, storedLog, type TicketPlan } from './testing/ticket-histories';

let db: TestDatabase;
let ds: DataSource;
const projection = new TicketMetricsProjection();

beforeAll(async () => {
  db = await createTestDatabase('dashboard_metrics');
  ds = new DataSource({
    type: 'postgres',
    url: db.url,
    migrations: [...PROJECTION_ENGINE_MIGRATIONS, ...READ_MODEL_MIGRATIONS],
    extra: { max: 4 },
  });
  await ds.initialize();
  await ds.runMigrations();
  // A summary for one community needs it registered (404 otherwise); the histories file tickets in these.
  for (const id of COMMUNITIES) {
    await ds.query(
      `INSERT INTO rm_communities (id, name, subdistrict, neighbourhood, property_company_id, registered_at, position)
       VALUES ($1, $1, 's', 'n', 'co', now(), 0)`,
      [id],
    );
  }
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

/** Applies the log in batches, each in its own transaction with the checkpoint, as the engine does. */
async function project(log: readonly StoredEvent<TicketEvent>[], batchSize: number): Promise<void> {
  await ds.query(`TRUNCATE ${TICKET_METRICS_TABLES.join(', ')}`);
  await ensureCheckpoint(ds.manager, TICKET_METRICS_PROJECTION);
  for (let i = 0; i < log.length; i += batchSize) {
    const batch = log.slice(i, i + batchSize);
    await ds.transaction(async (tx) => {
      await projection.apply(batch, tx);
      await saveCheckpoint(tx, TICKET_METRICS_PROJECTION, { checkpoint: null, position: batch[batch.length - 1].globalPosition });
    });
  }
  if (!log.length) await saveCheckpoint(ds.manager, TICKET_METRICS_PROJECTION, { checkpoint: null, position: 0 });
}

type Times = Record<'filedAt' | 'acknowledgeBy' | 'resolveBy', readonly number[]>;
type Field = keyof Times;

/** Exactly on (or a millisecond off) one ticket's own time: where "in the window" and "overdue" are decided. */
const onTicket = (...fields: Field[]) =>
  fc.record({ field: fc.constantFrom(...fields), pick: fc.nat(), shift: fc.constantFrom(-1, 0, 0, 1) }).map(
    ({ field, pick, shift }) =>
      (times: Times) =>
        times[field].length ? times[field][pick % times[field].length] + shift : BASE,
  );

/** An instant: anywhere around the tickets, on a Shanghai midnight, or on a ticket's own times. */
const instant = fc.oneof(
  fc.integer({ min: -2, max: 8 }).map((d) => () => BASE + d * DAY),
  fc.integer({ min: -2 * DAY, max: 8 * DAY }).map((ms) => () => BASE + ms),
  onTicket('filedAt', 'acknowledgeBy', 'resolveBy'),
);

/** A filter set one time in three: most queries then still see most tickets. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: arb, weight: 1 });

const queries = fc.record({
  a: instant,
  b: instant,
  now: fc.oneof({ arbitrary: instant, weight: 1 }, { arbitrary: onTicket('resolveBy'), weight: 2 }),
  groupBy: fc.constantFrom(undefined, 'community', 'company', 'category', 'building', 'day' as const),
  communityId: rarely(fc.constantFrom(...COMMUNITIES)),
  companyId: rarely(fc.constantFrom(...COMPANIES)),
  category: rarely(fc.constantFrom(...CATEGORIES)),
  edges: rarely(fc.record({ from: fc.constantFrom('inward', 'outward' as const), to: fc.constantFrom('inward', 'outward' as const) })),
  communities: rarely(fc.subarray(COMMUNITIES)),
});

type Generated = typeof queries extends fc.Arbitrary<infer T> ? T : never;

function timesOf(log: readonly StoredEvent<TicketEvent>[]): Times {
  const filed = log.flatMap((e) => (e.type === 'TicketFiled' ? [e.data] : []));
  const times = (field: Field) => filed.map((d) => Date.parse(d[field]));
  return { filedAt: times('filedAt'), acknowledgeBy: times('acknowledgeBy'), resolveBy: times('resolveBy') };
}

function asQuery(g: Generated, times: Times): { actor: Principal; query: SummaryQuery } {
  const [a, b] = [g.a(times), g.b(times)];
  const from = Math.min(a, b);
  const to = Math.max(a, b) + (a === b ? 1 : 0);
  const now = g.now(times);
  const actor: Principal = g.communities
    ? { id: 'com-1', roles: ['committee'], communities: g.communities }
    : { id: 'admin-1', roles: ['admin'], communities: [] };
  const { communityId, companyId, category, groupBy, edges } = g;
  return { actor, query: { from, to, now, groupBy, communityId, companyId, category, edges } };
}

const clean = <T>(value: T): T => JSON.parse(JSON.stringify(value));

it('when random ticket histories are projected, every figure equals the SPEC §6 definitions computed from the events', async () => {
  await fc.assert(
    fc.asyncProperty(histories, fc.array(queries, { minLength: 1, maxLength: 5 }), async (h, generated) => {
      const log = storedLog(h.tickets, h.seed);
      await project(log, h.batchSize);
      for (const g of generated) {
        const { actor, query } = asQuery(g, timesOf(log));
        if (query.communityId !== undefined && !actor.roles.includes('admin') && !actor.communities.includes(query.communityId)) {
          // Outside the caller's scope the community does not exist for them (SPEC §2): 404, not zeros.
          await expect(dashboardSummary(ds, actor, query)).rejects.toMatchObject({ code: 'COMMUNITY_NOT_FOUND' });
          continue;
        }
        const actual = await dashboardSummary(ds, actor, query);
        expect(clean(actual)).toEqual(referenceSummary(log, { ...query, communities: g.communities }));
      }
    }),
    { numRuns: 100 },
  );
});

it('when events are handed over again, in other batches, the tables are exactly as after one pass', async () => {
  await fc.assert(
    fc.asyncProperty(histories, fc.integer({ min: 1, max: 7 }), async (h, replayBatch) => {
      const log = storedLog(h.tickets, h.seed);
      await project(log, h.batchSize);
      const once = await snapshot();
      const rnd = random(h.seed ^ 0x5bd1e995);
      for (let i = 0; i < 3 && log.length; i++) {
        const start = Math.floor(rnd() * log.length);
        const slice = log.slice(start, start + replayBatch * 3);
        await ds.transaction((tx) => projection.apply(slice, tx));
      }
      expect(await snapshot()).toEqual(once);
      expect(await inconsistencies()).toEqual([]);
    }),
    { numRuns: 30 },
  );
});

/**
 * The daily and histogram tables hold exactly the sums of the per-ticket rows, at every block
 * size, with no empty buckets and with bounds around every value.
 */
async function inconsistencies() {
  const counters = COUNTER_COLUMNS.join(', ');
  const sums = COUNTER_COLUMNS.map((c) => `sum(${c})::int`).join(', ');
  const dims = 'community_id, company_id, category, building';
  const daily = `SELECT filed_day, ${dims}, ${sums} FROM rm_ticket_metrics GROUP BY 1, 2, 3, 4, 5`;
  const block = `DATE '1970-01-01' + (filed_day - DATE '1970-01-01') / (8 ^ level)::int * (8 ^ level)::int`;
  const values = `FROM rm_ticket_metrics CROSS JOIN generate_series(0, 2) AS level
    CROSS JOIN LATERAL (VALUES (0, fr_bucket::int, first_response_ms), (1, res_bucket::int, resolution_ms), (2, due_day, NULL)) AS v(kind, bucket, ms)
    WHERE v.bucket IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
  const hist = `SELECT level, ${block}, ${dims}, v.kind, v.bucket, count(*)::int ${values}`;
  const stored = {
    daily: `SELECT day, ${dims}, ${counters} FROM rm_ticket_metrics_daily`,
    hist: `SELECT level, day, ${dims}, kind, bucket, n FROM rm_ticket_metrics_hist`,
  };
  const differ = async (a: string, b: string) => [...(await ds.query(`${a} EXCEPT ${b}`)), ...(await ds.query(`${b} EXCEPT ${a}`))];
  const outsideBounds = await ds.query(`
    SELECT h.* FROM rm_ticket_metrics_hist h
      JOIN (SELECT level, ${block} AS day, ${dims}, v.kind, v.bucket, min(v.ms) AS lo, max(v.ms) AS hi ${values}) x
      USING (level, day, community_id, company_id, category, building, kind, bucket)
     WHERE h.kind < 2 AND NOT (h.lo_ms <= x.lo AND h.hi_ms >= x.hi)`);
  return [...(await differ(daily, stored.daily)), ...(await differ(hist, stored.hist)), ...outsideBounds];
}

async function snapshot() {
  return Promise.all([
    ds.query(`SELECT * FROM rm_ticket_metrics ORDER BY id`),
    ds.query(`SELECT * FROM rm_ticket_metrics_daily ORDER BY day, community_id, company_id, category, building`),
    ds.query(`SELECT * FROM rm_ticket_metrics_hist ORDER BY level, day, community_id, company_id, category, building, kind, bucket`),
  ]);
}

it('when a backlog deadline falls exactly on a Shanghai midnight, it is overdue only once now has passed it, however the window is cut', async () => {
  const plan: TicketPlan = {
    filer: 'resident',
    community: 'c-a',
    company: 'co-1',
    category: 'noise',
    building: '1',
    filedOffset: 0,
    acknowledgeMinutes: 30,
    resolveMinutes: 1440,
    steps: [],
  };
  const log = storedLog([plan, { ...plan, filedOffset: DAY - 1 }], 7);
  await project(log, 10);
  const admin: Principal = { id: 'admin-1', roles: ['admin'], communities: [] };
  const modes = ['inward', 'outward'] as const;
  for (const now of [BASE + DAY - 1, BASE + DAY, BASE + DAY + 1, BASE + 2 * DAY, BASE + 2 * DAY + 1])
    for (const to of [BASE + 3_600_000, BASE + DAY, BASE + 3 * DAY])
      for (const from of modes)
        for (const edge of modes) {
          const query = { from: BASE, to, now, edges: { from, to: edge } };
          const actual = clean(await dashboardSummary(ds, admin, query));
          expect({ now, to, from, edge, overdue: actual.total.overdue }).toEqual({
            now,
            to,
            from,
            edge,
            overdue: (referenceSummary(log, query).total as { overdue: number }).overdue,
          });
        }
});
