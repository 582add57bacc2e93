import { ConfigError, loadConfig } from './app-config';

const secret = 'x'.repeat(32);

describe('loadConfig', () => {
  it('when nothing is set, it picks the embedded database and the defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, eventStore: 'postgres', jwt: { secret: null } });
  });

  it('when a setting is bad, the error names it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ EVENT_STORE: 'mongo' })).toThrow(/EVENT_STORE must be one of postgres, eventstoredb/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', JWT_SECRET: secret })).toThrow(/DATABASE_URL must use postgres:/);
  });

  it('when several settings are bad, every one is named at once', () => {
    try {
      loadConfig({ PORT: '-1', PROJECTION_MAX_LAG_MS: 'soon', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('when a database is given without a JWT secret, start-up is refused', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/db' })).toThrow(/JWT_SECRET .* is required/);
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/db', JWT_SECRET: secret }).databaseUrl).toBe('postgres://localhost/db');
  });

  it('when EventStoreDB is chosen without its URL, start-up is refused', () => {
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(/EVENTSTOREDB_URL is required/);
    expect(loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTOREDB_URL: 'kurrentdb://localhost:2113?tls=false' }).eventStore).toBe(
      'eventstoredb',
    );
  });

  it('when KurrentDB is a cluster, its connection string names several seeds; a bad scheme or host is refused by name', () => {
    const cluster = 'kurrentdb+discover://kurrentdb-1:2113,kurrentdb-2:2113,kurrentdb-3:2113?tls=false&nodePreference=leader';
    expect(loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTOREDB_URL: cluster }).eventStoreDbUrl).toBe(cluster);
    expect(loadConfig({ EVENTSTOREDB_URL: 'esdb://admin:changeit@10.0.0.1:2113,10.0.0.2/?tls=true' }).eventStoreDbUrl).toMatch(/^esdb:/);
    expect(() => loadConfig({ EVENTSTOREDB_URL: 'http://kurrentdb-1:2113' })).toThrow(/EVENTSTOREDB_URL must use esdb: or .* got "http:"/);
    expect(() => loadConfig({ EVENTSTOREDB_URL: 'kurrentdb://a:2113,,b:2113' })).toThrow(
      /EVENTSTOREDB_URL names a host that is not one: ""/,
    );
    expect(() => loadConfig({ EVENTSTOREDB_URL: 'kurrentdb://a:99999' })).toThrow(/names a host that is not one: "a:99999"/);
    expect(() => loadConfig({ EVENTSTOREDB_URL: 'not a url' })).toThrow(/EVENTSTOREDB_URL is not a valid URL/);
  });

  it('group commit: batches in flight and batch size have defaults and bounds; the old setting is refused by name', () => {
    expect(loadConfig({}).groupCommit).toEqual({ batchesInFlight: 2, batchMax: 64 });
    expect(loadConfig({ APPEND_BATCH_MAX: '1', APPEND_BATCHES_IN_FLIGHT: '4' }).groupCommit).toEqual({ batchesInFlight: 4, batchMax: 1 });
    // Three advisory locks per append at most: a batch must stay well inside the server's lock table.
    expect(() => loadConfig({ APPEND_BATCH_MAX: '1000' })).toThrow(/APPEND_BATCH_MAX must be a whole number from 1 to 256/);
    expect(() => loadConfig({ APPENDS_IN_FLIGHT: '1' })).toThrow(/APPENDS_IN_FLIGHT is no longer read: use APPEND_BATCHES_IN_FLIGHT/);
  });

  it('when COOKIE_SECURE is not set, the session cookie is Secure; only false (or 0) turns it off', () => {
    expect(loadConfig({}).cookieSecure).toBe(true);
    expect(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    expect(loadConfig({ COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({}).trustProxyHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY_HOPS: '1' }).trustProxyHops).toBe(1);
    expect(() => loadConfig({ TRUST_PROXY_HOPS: 'all' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(loadConfig({ COOKIE_SECURE: '0' }).cookieSecure).toBe(false);
    expect(() => loadConfig({ COOKIE_SECURE: 'no' })).toThrow(/COOKIE_SECURE must be true or false/);
  });

  it('the per-IP sign-in limit defaults to 30 a minute and must be a positive whole number', () => {
    expect(loadConfig({}).signInRateLimit).toBe(30);
    expect(loadConfig({ SIGN_IN_RATE_LIMIT: '5' }).signInRateLimit).toBe(5);
    expect(() => loadConfig({ SIGN_IN_RATE_LIMIT: '0' })).toThrow(/SIGN_IN_RATE_LIMIT must be a whole number from 1/);
  });

  it('photos go to PostgreSQL unless BLOB_DIR names a directory', () => {
    expect(loadConfig({}).blobDir).toBeNull();
    expect(loadConfig({ BLOB_DIR: '/var/lib/jinlin/blobs' }).blobDir).toBe('/var/lib/jinlin/blobs');
  });

  it('an unattached upload lives 24 hours unless UNATTACHED_UPLOAD_MAX_AGE_MS says otherwise', () => {
    expect(loadConfig({}).unattachedUploadMaxAgeMs).toBe(86_400_000);
    expect(loadConfig({ UNATTACHED_UPLOAD_MAX_AGE_MS: '0' }).unattachedUploadMaxAgeMs).toBe(0);
    expect(() => loadConfig({ UNATTACHED_UPLOAD_MAX_AGE_MS: '-1' })).toThrow(/UNATTACHED_UPLOAD_MAX_AGE_MS must be a whole number/);
  });

  it('the notification stream beats every 15 s unless NOTIFICATIONS_HEARTBEAT_MS says otherwise', () => {
    expect(loadConfig({}).notifications.heartbeatMs).toBe(15_000);
    expect(loadConfig({ NOTIFICATIONS_HEARTBEAT_MS: '200' }).notifications.heartbeatMs).toBe(200);
    expect(() => loadConfig({ NOTIFICATIONS_HEARTBEAT_MS: '10' })).toThrow(/NOTIFICATIONS_HEARTBEAT_MS must be a whole number from 50/);
  });

  it('webhooks retry for 24 hours with a 10 s timeout unless the WEBHOOK_ settings say otherwise', () => {
    expect(loadConfig({}).webhooks).toEqual({
      run: true,
      pollMs: 250,
      timeoutMs: 10_000,
      retryWindowMs: 86_400_000,
      retryBaseMs: 10_000,
      retryMaxDelayMs: 3_600_000,
      concurrency: 16,
    });
    expect(loadConfig({ WEBHOOK_RETRY_WINDOW_MS: '2000', WEBHOOKS_RUN: 'false' }).webhooks).toMatchObject({
      retryWindowMs: 2000,
      run: false,
    });
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_MS: '5' })).toThrow(/WEBHOOK_TIMEOUT_MS must be a whole number/);
  });

  it('each instance re-reads the calendar every 10 seconds unless CALENDAR_REFRESH_MS says otherwise', () => {
    expect(loadConfig({}).calendarRefreshMs).toBe(10_000);
    expect(loadConfig({ CALENDAR_REFRESH_MS: '200' }).calendarRefreshMs).toBe(200);
    expect(() => loadConfig({ CALENDAR_REFRESH_MS: '0' })).toThrow(/CALENDAR_REFRESH_MS must be a whole number from 50/);
  });

  it('NATS: off without NATS_URL; with it, the stream, the subject prefix and the windows have defaults and are checked', () => {
    expect(loadConfig({}).nats).toBeNull();
    expect(loadConfig({ NATS_URL: 'nats://127.0.0.1:4222' }).nats).toEqual({
      url: 'nats://127.0.0.1:4222',
      stream: 'JINLIN_EVENTS',
      subjectPrefix: 'jinlin.events',
      duplicateWindowMs: 600_000,
      ackTimeoutMs: 5000,
    });
    expect(loadConfig({ NATS_URL: 'nats://n:4222', NATS_STREAM: 'T_1', NATS_SUBJECT_PREFIX: 'test.x1.events' }).nats).toMatchObject({
      stream: 'T_1',
      subjectPrefix: 'test.x1.events',
    });
    expect(() => loadConfig({ NATS_URL: 'http://127.0.0.1:4222' })).toThrow(/NATS_URL must use nats: or tls:/);
    expect(() => loadConfig({ NATS_URL: 'nats://n:4222', NATS_STREAM: 'a.b' })).toThrow(/NATS_STREAM must be/);
    expect(() => loadConfig({ NATS_URL: 'nats://n:4222', NATS_SUBJECT_PREFIX: 'jinlin.>' })).toThrow(/NATS_SUBJECT_PREFIX must be/);
    expect(() => loadConfig({ NATS_URL: 'nats://n:4222', NATS_ACK_TIMEOUT_MS: '0' })).toThrow(/NATS_ACK_TIMEOUT_MS must be/);
  });

  it('OpenTelemetry: no exporter unless OTEL_EXPORTER_OTLP_ENDPOINT is set, and then it must be http(s)', () => {
    expect(loadConfig({}).otlpEndpoint).toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }).otlpEndpoint).toBe('http://127.0.0.1:4318');
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://x' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must use http: or https:/);
  });
});
