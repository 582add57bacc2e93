/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { CommandBus } from '@nestjs/cqrs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { loadDemo } from '../../apps/api/src/demo/load-demo';
import { demoAccounts, demoPassword } from '../../apps/api/src/infrastructure/demo-tokens';
import { WEB_ROOT } from '../../apps/api/src/web-app/web-app';
import { startTestApp, type TestApp } from './test-app';

/**
 * The web app's end-to-end tests: the real service on a fresh database with the demo estates loaded
 * (the people a new user signs in as after `npm start`), and Debian's Chromium driven by
 * playwright-core (no browser download). Each role's spec signs in through the page itself.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS = join(__dirname, '..', '..', 'docs', 'screens');
const LOCAL_SECRET = 'the-local-secret-of-the-web-tests';

export type WebWorld = Readonly<{
  t: TestApp;
  browser: Browser;
  /** username → password of the demo accounts (SPEC §2.2), e.g. passwords['wang.ayi']. */
  passwords: Readonly<Record<string, string>>;
  /** The whole demo projected: wait for this before reading. */
  head: number;
  close: () => Promise<void>;
}>;

export async function startWebWorld(label: string, options: { days?: number; env?: Record<string, string> } = {}): Promise<WebWorld> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium fonts-noto-cjk" (.ci/run does) or set CHROMIUM_PATH`,
    );
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`the web app is not built at ${WEB_ROOT}: run "npm run build" first`);
  const t = await startTestApp(label, { COOKIE_SECURE: 'false', READ_YOUR_WRITES_TIMEOUT_MS: '30000', ...options.env });
  const store = t.app.get<EventStore>(EVENT_STORE);
  await loadDemo(t.app.get(CommandBus), store, {
    now: new Date(),
    days: options.days ?? 5,
    passwordOf: (username) => demoPassword(LOCAL_SECRET, username),
  });
  const head = (await store.head()).position;
  await t.app.get<ProjectionEngine>(PROJECTION_ENGINE).waitFor(head, 60_000);
  const passwords = Object.fromEntries(demoAccounts(LOCAL_SECRET).map((a) => [a.username, a.password]));
  const browser = await launchChromium();
  return {
    t,
    browser,
    passwords,
    head,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1366, height: 860 } as const;

/**
 * A new page that fails the test on any script error or CSP violation: both mean a screen that
 * works in development and breaks for the user.
 */
export async function openPage(
  world: WebWorld,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<Page & { problems: string[] }> {
  const context = await world.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = (await context.newPage()) as Page & { problems: string[] };
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      page.problems.push(`CSP: ${message.text()}`);
  });
  return page;
}

/** Signs in through the sign-in screen, as a person does, and waits for the role's home screen. */
export async function signIn(page: Page, world: WebWorld, username: string, landing: RegExp): Promise<void> {
  const password = world.passwords[username];
  if (!password) throw new Error(`no demo account ${username}: known are ${Object.keys(world.passwords).join(', ')}`);
  await page.goto(`${world.t.url}/app/`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(landing);
}

/**
 * Resolves once every finite animation and transition on the page has finished (Element Plus fades
 * and zooms its tags, dialogs and messages in): a colour read mid-fade is not the colour users read.
 * Endless ones (skeletons, spinners) are left running.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * axe-core on the page once its animations have settled: no serious or critical violation (WCAG 2
 * A/AA rules). A contrast finding says the colours and ratio axe measured.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => `${n.target.join(' ')}${measured(n.any[0]?.data)}`)
          .slice(0, 3)
          .join(' | ')}`,
    );
}

function measured(data: unknown): string {
  const d = data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | null | undefined;
  return d?.fgColor && d.bgColor ? ` (${d.fgColor} on ${d.bgColor}, ${d.contrastRatio}:1)` : '';
}

/** docs/screens/<name>.png, once the page's charts (ECharts) have finished their animation. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS, { recursive: true });
  await page.waitForFunction(() => !document.querySelector('[data-chart-state="drawing"]'), undefined, { timeout: 15_000 });
  const path = join(SCREENS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
