import fc from 'fast-check';
import { DataSource } from 'typeorm';
import {
  completePolicy,
  ticketDecider,
  type Community,
  type Principal,
  type Ticket,
  type TicketCommand,
  type TicketEvent,
} from '@jinlin/domain';
import { typedAs, type Checkpoint, type StoredEvent } from '@jinlin/event-store';
import { createTestDatabase, type TestDatabase } from '@jinlin/testing';
import { PROJECTION_ENGINE_MIGRATIONS, READ_MODEL_MIGRATIONS } from '../index';
import { saveCheckpoint, ensureCheckpoint } from '../engine/checkpoints';
import { COUNTER_COLUMNS } from './contribution';
import { dashboardSummary, type SummaryQuery } from './summary.query';
import { TICKET_METRICS_PROJECTION, TICKET_METRICS_TABLES, TicketMetricsProjection } from './ticket-metrics.projection';
import { referenceSummary } from './testing/reference-figures';
import {
  BASE,
  BUSINESS,
  CATEGORIES,
  COMMUNITIES,
  COMPANIES,
  DAY,
  histories,
  random,
  storedLog,
  type TicketPlan,
} from './testing/ticket-histories';

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

/** `pushedResolveBy`: the resolve deadlines as resumes after a wait on the resident pushed them back. */
type Times = Record<'filedAt' | 'acknowledgeBy' | 'resolveBy' | 'pushedResolveBy', readonly number[]>;
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
  now: fc.oneof(
    { arbitrary: instant, weight: 1 },
    { arbitrary: onTicket('resolveBy'), weight: 2 },
    { arbitrary: onTicket('pushedResolveBy'), weight: 1 },
  ),
  groupBy: fc.constantFrom(undefined, 'community', 'company', 'category', 'building', 'day' as const),
  communityId: rarely(fc.constantFrom(...COMMUNITIES)),
  companyId: rarely(fc.constantFrom(...COMPANIES)),
  category: rarely(fc.constantFrom(...CATEGORIES)),
  edges: rarely(fc.record({ from: fc.constantFrom('inward', 'outward' as const), to: fc.constantFrom('inward', 'outward' as const) })),
  communities: rarely(fc.subarray(COMMUNITIES)),
});

type Generated = typeof queries extends fc.Arbitrary<infer T> ? T : never;

/** The tickets' own times, the resolve deadlines as filed and as resumes pushed them back. */
function timesOf(log: readonly StoredEvent<TicketEvent>[]): Times {
  const filed = log.flatMap((e) => (e.type === 'TicketFiled' ? [e.data] : []));
  const times = (field: 'filedAt' | 'acknowledgeBy' | 'resolveBy') => filed.map((d) => Date.parse(d[field]));
  const pushed = log.flatMap((e) => (e.type === 'TicketResumed' && e.data.resolveBy ? [Date.parse(e.data.resolveBy)] : []));
  return { filedAt: times('filedAt'), acknowledgeBy: times('acknowledgeBy'), resolveBy: times('resolveBy'), pushedResolveBy: pushed };
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

/** A hundred histories against PostgreSQL take tens of seconds, more on a busy machine; a timeout would hide the counterexample. */
const PROPERTY_TIMEOUT_MS = 300_000;

const clean = <T>(value: T): T => JSON.parse(JSON.stringify(value));

it(
  'when random ticket histories are projected, every figure equals the SPEC §6 definitions computed from the events',
  async () => {
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
  },
  PROPERTY_TIMEOUT_MS,
);

it(
  'when events are handed over again, in other batches, the tables are exactly as after one pass',
  async () => {
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
  },
  PROPERTY_TIMEOUT_MS,
);

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
    clock: 'continuous',
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

describe('waiting (SPEC §4.9)', () => {
  const HOUR = 3_600_000;
  /** hh:00 in Shanghai on Tuesday 2025-11-11 (day 0) or a later day; Thursday (day 2) is the histories' holiday. */
  const at = (hh: number, day = 0) => new Date(BASE + day * DAY + hh * HOUR).toISOString();
  const justAfter = (iso: string) => new Date(Date.parse(iso) + 1).toISOString();
  const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['c-a'] };
  const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'co-1' };
  const policy = completePolicy('noise', { acknowledgeWithinMinutes: 60, resolveWithinMinutes: 240, clock: 'business' });
  const community: Community = { exists: true, id: 'c-a', name: 'c-a', propertyCompanyId: 'co-1', slaPolicies: { noise: policy } };
  const filing = (ticketId: string) => ({
    ticketId,
    communityId: 'c-a',
    category: 'noise',
    title: '楼上装修',
    description: '周末也在敲',
    location: null,
    channel: 'app',
    community,
  });

  /** A history made by the decider itself, at the given times, with the histories' business clock. */
  type Step = readonly [at: string, actor: Principal, type: TicketCommand['type'], data: object];
  function decided(ticketId: string, steps: readonly Step[]): TicketEvent[] {
    let state: Ticket = ticketDecider.initialState();
    const events: TicketEvent[] = [];
    const filed: Step = [at(10), resident, 'FileTicket', filing(ticketId)];
    for (const [now, actor, type, data] of [filed, ...steps]) {
      const metadata = { actor, now, managingCompanyId: 'co-1', businessClock: BUSINESS };
      const decision = ticketDecider.decide({ type, data, metadata } as TicketCommand, state);
      events.push(...decision);
      state = decision.reduce(ticketDecider.evolve, state);
    }
    return events;
  }

  const log = (tickets: TicketEvent[][]): StoredEvent<TicketEvent>[] =>
    typedAs<TicketEvent>(
      tickets.flat().map((e, i) => ({
        ...e,
        globalPosition: i + 1,
        checkpoint: String(i + 1) as Checkpoint,
        streamId: `ticket-${e.data.ticketId}`,
        streamVersion: 0,
        schemaVersion: 3,
        metadata: {},
        recordedAt: new Date(0),
        hash: '',
      })),
    );

  const acknowledge: Step = [at(11), staff, 'AcknowledgeTicket', { message: '收到' }];
  const wait = (on: string): Step => [at(13), staff, 'WaitTicket', { on, reason: '等' }];
  const tickets = log([
    // Filed 10:00, due 14:00 (240 business minutes). The reporter answers on Friday at 10:00: the
    // wait took 300 + 540 + 0 (the holiday) + 60 business minutes, which push the deadline to Friday 11:00.
    decided('resumed', [acknowledge, wait('resident'), [at(10, 3), resident, 'CommentOnTicket', { text: '我在家了', internal: false }]]),
    decided('still-on-resident', [acknowledge, wait('resident')]),
    decided('on-parts', [acknowledge, wait('parts')]),
  ]);

  it('when the reporter answers a wait on the resident, the resolve deadline moves back by the business time waited', async () => {
    await project(tickets, 4);
    const rows: { id: string; resolve_by: Date; status: string }[] = await ds.query(
      `SELECT id, resolve_by, status FROM rm_ticket_metrics ORDER BY id`,
    );
    expect(rows.map((r) => [r.id, r.resolve_by.toISOString(), r.status])).toEqual([
      ['on-parts', at(14), 'waiting'],
      ['resumed', at(11, 3), 'acknowledged'],
      ['still-on-resident', at(14), 'waiting'],
    ]);
  });

  it.each([
    [at(14), 0],
    // Past the filing's deadline: only the ticket waiting on parts, whose clock never stopped.
    [justAfter(at(14)), 1],
    [at(11, 3), 1],
    [justAfter(at(11, 3)), 2],
    // However long the resident takes, a stopped clock is never overdue.
    [at(0, 30), 2],
  ])('when now is %s, %d of the three are overdue, as the reference says', async (now, overdue) => {
    await project(tickets, 2);
    const admin: Principal = { id: 'admin-1', roles: ['admin'], communities: [] };
    const query = { from: BASE, to: BASE + DAY, now: Date.parse(now) };
    const actual = clean(await dashboardSummary(ds, admin, query));
    expect(actual.total).toMatchObject({ backlog: 3, overdue });
    expect(actual).toEqual(referenceSummary(tickets, query));
  });
});
