/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { chromium, type Browser } from 'playwright-core';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { loadDemo } from '../apps/api/src/demo/load-demo';
import { http, startTestApp, type TestApp } from './support/test-app';

/**
 * The web dashboard in a real browser (Debian's Chromium, installed by .ci/run) against seeded
 * data: the figures on the page must be the API's, and a screenshot is kept for the README.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = join(__dirname, '..', 'docs', 'dashboard.png');

let t: TestApp;
let browser: Browser;
let admin: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" (.ci/run does) or set CHROMIUM_PATH`);
  t = await startTestApp('dashboard_page');
  const store = t.app.get<EventStore>(EVENT_STORE);
  await loadDemo(t.app.get(CommandBus), store, { now: new Date(), days: 10 });
  await t.app.get<ProjectionEngine>(PROJECTION_ENGINE).waitFor((await store.head()).position, 30_000);
  admin = await t.token({ sub: 'admin-demo', roles: ['admin'], communities: [] });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

it('when a secretary opens the dashboard with a token, the page shows the API figures, charts, and overdue tickets that open their timelines', async () => {
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  await page.goto(`${t.url}/dashboard?communityId=qianpu-yili-west&from=${from}&to=${to}`);
  await page.fill('#token', admin);
  await page.click('#token-form button[type=submit]');
  await page.waitForSelector('body[data-loaded]', { timeout: 15_000 });

  const range = `communityId=qianpu-yili-west&from=${new Date(`${from}T00:00:00+08:00`).toISOString()}&to=${new Date(`${to}T00:00:00+08:00`).toISOString()}`;
  const summary = (await http(t.url, 'GET', `/dashboards/summary?${range}`, { token: admin })).body;
  expect(summary.total.filed).toBeGreaterThan(10);
  const shown = async (figure: string) => (await page.textContent(`[data-figure="${figure}"]`))?.trim();
  for (const rate of ['responseRate', 'resolutionRate', 'satisfactionRate', 'reopenRate'])
    expect(await shown(rate)).toBe(pct(summary.total[rate]));
  for (const count of ['filed', 'backlog', 'overdue']) expect(await shown(count)).toBe(String(summary.total[count]));
  expect(await page.locator('#trend canvas').count()).toBeGreaterThan(0);
  expect(await page.locator('#categories canvas').count()).toBeGreaterThan(0);

  const overdue = (await http(t.url, 'GET', '/tickets?overdue=true&limit=50&communityId=qianpu-yili-west', { token: admin })).body.items;
  expect(await page.locator('#overdue tbody tr').count()).toBe(overdue.length);
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  if (overdue.length) {
    await page.click('#overdue tbody tr a');
    await page.waitForSelector('#timeline:not([hidden]) #events li');
    expect(await page.textContent('#chain')).toContain('完整');
  }

  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('[data-i18n="responseRate"]')?.textContent === 'Response rate');
  await page.close();
}, 60_000);
