import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { createApp } from '../bootstrap';
import type { AppConfig } from '../config/app-config';
import { demoPassword } from '../infrastructure/demo-tokens';
import type { JwtSetup } from '../infrastructure/jwt-secret';
import { holdsTickets, loadDemo } from './load-demo';

/**
 * `npm start` on an empty embedded database loads the seed story first, so a new user sees
 * estates and tickets at once. It runs in a short-lived app of its own with the SLA timer and the
 * projections off (the timer would race the story's backdated replies); the real app then starts
 * and its projections catch up. DEMO=false skips it.
 */
export async function loadDemoIfEmpty(config: AppConfig, databaseUrl: string, jwt: JwtSetup, log: Logger): Promise<void> {
  if (process.env.DEMO === 'false') return;
  const quiet: AppConfig = { ...config, timers: { ...config.timers, run: false }, projections: { ...config.projections, run: false } };
  const app = await createApp({ config: quiet, databaseUrl, jwt, logger: log.child({}, { level: 'warn' }) });
  try {
    await app.init();
    const store = app.get<EventStore>(EVENT_STORE);
    if (await holdsTickets(store)) return;
    log.info('empty embedded database: loading the demo estates (DEMO=false to skip)');
    const started = Date.now();
    const secret = jwt.localOnly ? jwt.secret : null;
    const passwordOf = secret ? (username: string) => demoPassword(secret, username) : undefined;
    const result = await loadDemo(app.get(CommandBus), store, { now: new Date(), passwordOf });
    log.info({ ...result, ms: Date.now() - started }, 'demo data loaded');
  } finally {
    await app.close();
  }
}
