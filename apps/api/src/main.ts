import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { resolveDatabase } from './infrastructure/database';
import { resolveJwt } from './infrastructure/jwt-secret';
import { createLogger } from './infrastructure/logger';
import { migrate } from './infrastructure/migrate';
import { printDemoTokens } from './infrastructure/demo-tokens';
import { loadDemoIfEmpty } from './demo/auto-demo';
import { startTelemetry } from './telemetry/telemetry';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`jinlin: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const telemetry = startTelemetry({ otlpEndpoint: config.otlpEndpoint });
  const database = await resolveDatabase(config, log);
  const ran = await migrate(database.url);
  if (ran.length) log.info({ migrations: ran }, 'migrations applied');
  const jwt = resolveJwt(config);
  if (database.embedded) await loadDemoIfEmpty(config, database.url, jwt, log);
  const app = await createApp({ config, databaseUrl: database.url, jwt, logger: log });
  // SIGTERM drains: the app closes (HTTP, projections, timers, then the pools), and only then does
  // the embedded server stop, so no pooled connection is cut under a live client.
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= app.close());
  database.embedded?.stopAfter(close);
  const stop = async (signal: NodeJS.Signals) => {
    await close();
    await database.embedded?.stop();
    await telemetry?.shutdown();
    log.info({ signal }, 'jinlin stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal));
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  log.info({ url, docs: `${url}/docs` }, 'jinlin is listening');
  if (jwt.localOnly && jwt.secret) await printDemoTokens(jwt.secret, url);
}

main().catch((error) => {
  process.stderr.write(`jinlin: start-up failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
