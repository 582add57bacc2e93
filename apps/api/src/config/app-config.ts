export type EventStoreKind = 'postgres' | 'eventstoredb';

export type AppConfig = Readonly<{
  port: number;
  host: string;
  /** null: start the embedded PostgreSQL. */
  databaseUrl: string | null;
  embedded: Readonly<{ dataDir: string; port: number }>;
  jwt: Readonly<{ secret: string | null; jwksUrl: string | null }>;
  eventStore: EventStoreKind;
  eventStoreDbUrl: string | null;
  projections: Readonly<{ maxLagMs: number; pollMs: number; batchSize: number; gatherMs: number; run: boolean }>;
  readYourWritesTimeoutMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  poolSize: number;
  groupCommit: Readonly<{ batchesInFlight: number; batchMax: number }>;
  timers: Readonly<{ run: boolean; intervalMs: number }>;
  /** How often each instance re-reads the admins' calendar years: another instance's PUT is seen within this. */
  calendarRefreshMs: number;
  benchEndpoints: boolean;
  /** When set, GET /metrics needs `Authorization: Bearer <metricsToken>`. */
  metricsToken: string | null;
  /** A request body must have arrived this long after the request began (SPEC §8: 30 s). */
  bodyTimeoutMs: number;
  /** SPEC §2.2: the session cookie is Secure unless COOKIE_SECURE=false (plain HTTP, e.g. a LAN demo). */
  cookieSecure: boolean;
  /** POST /auth/sign-in requests per client IP per minute, beside the per-username lockout. */
  signInRateLimit: number;
  /**
   * Reverse proxies in front of the service whose X-Forwarded-For is believed (0: none, the
   * socket's address is the client's). Behind one proxy, 1: else every client shares the
   * proxy's address and its sign-in limit.
   */
  trustProxyHops: number;
  /** SPEC §4.6: BLOB_DIR keeps photos in this directory; unset, in PostgreSQL's `blobs` table. */
  blobDir: string | null;
  /** An upload not attached this long after it came is deleted (24 h; shorter in tests). */
  unattachedUploadMaxAgeMs: number;
  /** GET /notifications/stream: a comment this often keeps proxies from closing a quiet stream (15 s; shorter in tests). */
  notifications: Readonly<{ heartbeatMs: number }>;
  /** SPEC §9 webhook delivery: the 24 h window and the backoff are shorter in tests. */
  webhooks: Readonly<{
    run: boolean;
    pollMs: number;
    timeoutMs: number;
    retryWindowMs: number;
    retryBaseMs: number;
    retryMaxDelayMs: number;
    concurrency: number;
  }>;
  /** SPEC §9: with NATS_URL every event goes to JetStream; null: no NATS at all. */
  nats: NatsConfig | null;
  /** OpenTelemetry traces go to OTEL_EXPORTER_OTLP_ENDPOINT; null: no exporter, no spans. */
  otlpEndpoint: string | null;
}>;

export type NatsConfig = Readonly<{
  url: string;
  /** JetStream stream, created when absent; its subjects are `<subjectPrefix>.>`. */
  stream: string;
  /** Events go to `<subjectPrefix>.<communityId>.<type>`. */
  subjectPrefix: string;
  /** How long JetStream remembers a Nats-Msg-Id to drop a repeat (set on the stream when we create it). */
  duplicateWindowMs: number;
  /** How long one publish waits for JetStream's ack before the batch is retried. */
  ackTimeoutMs: number;
}>;

const KURRENT_SCHEMES = ['esdb', 'esdb+discover', 'kurrentdb', 'kurrentdb+discover', 'kdb', 'kdb+discover'];

/**
 * A KurrentDB connection string: `scheme://[user:pass@]host[:port][,host[:port]...][/][?options]`. A
 * cluster is named by several gossip seeds, which the client takes and WHATWG URL refuses, so each
 * host is checked on its own.
 */
function connectionString(name: string, raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined || raw === '') return null;
  const m = /^([a-z+]+):\/\/(?:[^@/?]*@)?([^/?]*)\/?(\?.*)?$/.exec(raw);
  if (!m) {
    problems.push(`${name} is not a valid URL`);
    return raw;
  }
  if (!KURRENT_SCHEMES.includes(m[1]))
    problems.push(`${name} must use ${KURRENT_SCHEMES.map((s) => `${s}:`).join(' or ')}, got "${m[1]}:"`);
  const hosts = m[2].split(',');
  const bad = hosts.filter((host) => {
    try {
      return !host || new URL(`http://${host}`).host === '';
    } catch {
      return true;
    }
  });
  if (bad.length) problems.push(`${name} names a host that is not one: "${bad.join('", "')}"`);
  return raw;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Builds the one typed configuration object; every bad setting is named, all at once. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!allowed.includes(raw as T)) problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return raw as T;
  };
  const url = (name: string, protocols: readonly string[]): string | null => {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!['true', 'false', '1', '0'].includes(raw)) problems.push(`${name} must be true or false, got "${raw}"`);
    return raw === 'true' || raw === '1';
  };

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const secret = env.JWT_SECRET || null;
  const jwksUrl = url('JWT_JWKS_URL', ['https:', 'http:']);
  if (secret !== null && secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (env.METRICS_TOKEN && env.METRICS_TOKEN.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');
  if (databaseUrl && !secret && !jwksUrl) problems.push('JWT_SECRET (or JWT_JWKS_URL) is required when DATABASE_URL is set');
  const eventStore = oneOf<EventStoreKind>('EVENT_STORE', ['postgres', 'eventstoredb'], 'postgres');
  const eventStoreDbUrl = connectionString('EVENTSTOREDB_URL', env.EVENTSTOREDB_URL, problems);
  const natsUrl = url('NATS_URL', ['nats:', 'tls:']);
  const natsStream = env.NATS_STREAM || 'JINLIN_EVENTS';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(natsStream))
    problems.push(`NATS_STREAM must be 1-64 characters of A-Z, a-z, 0-9, _ and -, got "${natsStream}"`);
  const natsPrefix = env.NATS_SUBJECT_PREFIX || 'jinlin.events';
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(natsPrefix)) {
    problems.push(`NATS_SUBJECT_PREFIX must be dot-separated tokens of A-Z, a-z, 0-9, _ and - (no wildcards), got "${natsPrefix}"`);
  }
  const otlpEndpoint = url('OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']);
  if (eventStore === 'eventstoredb' && !eventStoreDbUrl) problems.push('EVENTSTOREDB_URL is required when EVENT_STORE=eventstoredb');
  if (env.APPENDS_IN_FLIGHT !== undefined) {
    // Renamed rather than kept: it counted batches, not appends, and 1 never turned batching off.
    problems.push(
      'APPENDS_IN_FLIGHT is no longer read: use APPEND_BATCHES_IN_FLIGHT (batches at a time), or APPEND_BATCH_MAX=1 to turn group commit off',
    );
  }

  const config: AppConfig = {
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    embedded: { dataDir: env.EMBEDDED_PG_DIR || 'data/pg', port: int('EMBEDDED_PG_PORT', 54320, 1024, 65535) },
    jwt: { secret, jwksUrl },
    eventStore,
    eventStoreDbUrl,
    projections: {
      maxLagMs: int('PROJECTION_MAX_LAG_MS', 5000, 1, 86_400_000),
      pollMs: int('PROJECTION_POLL_MS', 500, 5, 60_000),
      batchSize: int('PROJECTION_BATCH_SIZE', 500, 1, 100_000),
      gatherMs: int('PROJECTION_GATHER_MS', 20, 0, 10_000),
      run: flag('PROJECTIONS_RUN', true),
    },
    readYourWritesTimeoutMs: int('READ_YOUR_WRITES_TIMEOUT_MS', 2000, 0, 60_000),
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    poolSize: int('DB_POOL_SIZE', 16, 1, 500),
    groupCommit: { batchesInFlight: int('APPEND_BATCHES_IN_FLIGHT', 2, 1, 500), batchMax: int('APPEND_BATCH_MAX', 64, 1, 256) },
    timers: { run: flag('TIMERS_RUN', true), intervalMs: int('TIMERS_INTERVAL_MS', 15_000, 100, 3_600_000) },
    calendarRefreshMs: int('CALENDAR_REFRESH_MS', 10_000, 50, 3_600_000),
    benchEndpoints: flag('BENCH_ENDPOINTS', false),
    metricsToken: env.METRICS_TOKEN || null,
    bodyTimeoutMs: int('BODY_TIMEOUT_MS', 30_000, 100, 300_000),
    cookieSecure: flag('COOKIE_SECURE', true),
    signInRateLimit: int('SIGN_IN_RATE_LIMIT', 30, 1, 100_000),
    trustProxyHops: int('TRUST_PROXY_HOPS', 0, 0, 10),
    blobDir: env.BLOB_DIR || null,
    unattachedUploadMaxAgeMs: int('UNATTACHED_UPLOAD_MAX_AGE_MS', 86_400_000, 0, 30 * 86_400_000),
    notifications: { heartbeatMs: int('NOTIFICATIONS_HEARTBEAT_MS', 15_000, 50, 300_000) },
    webhooks: {
      run: flag('WEBHOOKS_RUN', true),
      pollMs: int('WEBHOOK_POLL_MS', 250, 5, 60_000),
      timeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
      retryWindowMs: int('WEBHOOK_RETRY_WINDOW_MS', 86_400_000, 100, 30 * 86_400_000),
      retryBaseMs: int('WEBHOOK_RETRY_BASE_MS', 10_000, 10, 3_600_000),
      retryMaxDelayMs: int('WEBHOOK_RETRY_MAX_DELAY_MS', 3_600_000, 10, 86_400_000),
      concurrency: int('WEBHOOK_CONCURRENCY', 16, 1, 256),
    },
    nats: natsUrl
      ? {
          url: natsUrl,
          stream: natsStream,
          subjectPrefix: natsPrefix,
          duplicateWindowMs: int('NATS_DUPLICATE_WINDOW_MS', 600_000, 1000, 7 * 86_400_000),
          ackTimeoutMs: int('NATS_ACK_TIMEOUT_MS', 5000, 100, 600_000),
        }
      : null,
    otlpEndpoint,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
