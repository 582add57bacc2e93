import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ProjectionEngine } from '@jinlin/projections';
import { PostgresEventStore, type EventStore } from '@jinlin/event-store';

export const METRICS = Symbol('METRICS');

export type Metrics = Readonly<{ registry: Registry; httpDuration: Histogram<string>; commands: Counter<string> }>;

/** One registry per app instance, so tests that start several apps do not collide. */
export function createMetrics(engine: ProjectionEngine, store: EventStore): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'jinlin_' });
  const httpDuration = new Histogram({
    name: 'jinlin_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const commands = new Counter({
    name: 'jinlin_commands_total',
    help: 'Commands handled, by type and outcome',
    labelNames: ['command', 'outcome'],
    registers: [registry],
  });
  let statuses: ReturnType<ProjectionEngine['status']> | null = null;
  // One status query per scrape, shared by the three gauges.
  const current = () => (statuses ??= engine.status().finally(() => setImmediate(() => (statuses = null))));
  const gauge = (name: string, help: string, pick: (s: Awaited<ReturnType<ProjectionEngine['status']>>[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['projection'],
      registers: [registry],
      async collect() {
        for (const s of await current()) this.set({ projection: s.name }, pick(s));
      },
    });
  gauge('jinlin_projection_checkpoint_position', 'Global position of the last event a projection applied', (s) => s.position);
  gauge('jinlin_projection_lag_events', 'Events appended but not yet applied by a projection (capped)', (s) => s.lagEvents);
  gauge('jinlin_projection_lag_milliseconds', 'Age of the oldest event a projection has not applied yet', (s) => s.lagMs);
  gauge('jinlin_projection_running', '1 where this instance holds the projection lock', (s) => (s.running ? 1 : 0));
  if (store instanceof PostgresEventStore) {
    // Group commit, as the store counts it since start.
    const counter = (name: string, help: string, pick: (s: PostgresEventStore['appendStats']) => number) =>
      new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          this.reset();
          this.inc(pick(store.appendStats));
        },
      });
    counter(
      'jinlin_append_batches_total',
      'Batches of appends committed in one statement (a batch of one is not counted)',
      (s) => s.batches,
    );
    counter('jinlin_append_batched_appends_total', 'Appends those batches carried', (s) => s.batchedAppends);
    counter(
      'jinlin_append_batch_fallbacks_total',
      'Batches PostgreSQL refused as a whole, whose appends were then tried one by one',
      (s) => s.fallbacks,
    );
  }
  return { registry, httpDuration, commands };
}
