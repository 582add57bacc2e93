import 'reflect-metadata';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { createApp } from '../bootstrap';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config';
import { resolveDatabase } from '../infrastructure/database';
import { createLogger } from '../infrastructure/logger';
import { migrate } from '../infrastructure/migrate';
import { DEMO_DAYS, holdsTickets, loadDemo } from '../demo/load-demo';

const USAGE = 'usage: node dist/apps/api/src/cli/demo.js [--force] [--days <1-90>]';

type Args = Readonly<{ force: boolean; days: number }>;

/**
 * Loads the seed story (three Xiamen estates, `days` days of tickets) through the service's own
 * commands. Refuses when tickets already exist, unless --force: demo tickets mixed into real
 * ones could not be told apart afterwards.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = cliConfig();
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn');
  const database = await resolveDatabase(config, log);
  await migrate(database.url);
  // Tokens are never checked here: nothing listens. The secret only satisfies the app's wiring.
  const jwt = { secret: config.jwt.secret, jwksUrl: config.jwt.jwksUrl, localOnly: false };
  const app = await createApp({ config, databaseUrl: database.url, jwt, logger: log });
  try {
    await app.init();
    const store = app.get<EventStore>(EVENT_STORE);
    if (!args.force && (await holdsTickets(store))) {
      process.stderr.write('demo: the event store already holds tickets; not adding demo data to them. Use --force to add it anyway.\n');
      process.exitCode = 1;
      return;
    }
    await load(app.get(CommandBus), store, args.days);
  } finally {
    await app.close();
    await database.embedded?.stop();
  }
}

async function load(commands: CommandBus, store: EventStore, days: number): Promise<void> {
  const started = Date.now();
  const tty = process.stdout.isTTY;
  let lastPrint = 0;
  const result = await loadDemo(commands, store, {
    now: new Date(),
    days,
    onProgress: (done, total) => {
      if (done !== total && (tty ? Date.now() - lastPrint < 100 : Date.now() - lastPrint < 1000)) return;
      lastPrint = Date.now();
      process.stdout.write(tty ? `\r${progressLine(done, total)}` : `${progressLine(done, total)}\n`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${tty ? '\n' : ''}demo: ${result.tickets} tickets, ${result.events} events over ${days} days in ${seconds} s\n`);
}

function progressLine(done: number, total: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '-');
  return `demo [${bar}] ${Math.floor(share * 100)}% ${done}/${total}`;
}

function parseArgs(argv: readonly string[]): Args {
  let force = false;
  let days = DEMO_DAYS;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--force') force = true;
    else if (argv[i] === '--days' && /^\d+$/.test(argv[i + 1] ?? '') && +argv[i + 1] >= 1 && +argv[i + 1] <= 90) days = Number(argv[++i]);
    else usage(argv[i] === '--help' ? 0 : 64);
  }
  return { force, days };
}

function usage(code: number): never {
  (code ? process.stderr : process.stdout).write(`${USAGE}\n`);
  process.exit(code);
}

/**
 * The service's configuration, with two differences: no SLA timers, so no automatic close can
 * race the loader's own steps, and projections off unless asked for, since the service catches
 * them up when it starts.
 */
function cliConfig(): AppConfig {
  try {
    return loadConfig({
      ...process.env,
      JWT_SECRET: process.env.JWT_SECRET || 'cli-does-not-verify-tokens-xxxxxxxxxx',
      TIMERS_RUN: 'false',
      PROJECTIONS_RUN: process.env.PROJECTIONS_RUN || 'false',
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

main().catch((error) => {
  process.stderr.write(`demo failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
