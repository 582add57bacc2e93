/// <reference lib="dom" />
import 'reflect-metadata';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { ServiceProcess } from '@jinlin/testing';
import { signToken } from '../apps/api/src/infrastructure/jwt-secret';
import { benchDatabase, fmt, machine, percentile, recordSection } from './bench-support';

/**
 * What the web app costs its users (issue 19): bytes on the wire for a cold first load of the
 * resident's filing screen and of the console, time until the screen can be used under Chromium's
 * network and CPU emulation, and the work queue's frame times while scrolling 5,000 open tickets.
 *
 * Emulation ("4G-like"): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4× — the
 * settings Lighthouse uses for its mobile runs ("slow 4G"), a mid-range phone on a busy cell.
 */
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const PASSWORD = 'bench password 0123456789';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OPEN_TICKETS = Number(process.env.BENCH_WEB_TICKETS ?? 5000);
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

async function send(url: string, method: string, path: string, token: string, body?: object): Promise<Response> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

/** One estate, its company, a resident and a manager who sign in with a password, and the open tickets. */
async function seed(url: string): Promise<void> {
  const admin = await signToken(SECRET, { sub: 'bench-admin', roles: ['admin'], communities: [] });
  await send(url, 'POST', '/companies', admin, { id: 'jiayuan', name: '嘉园物业' });
  await send(url, 'POST', '/communities', admin, {
    id: 'qianpu',
    name: '前埔一里西小区',
    subdistrict: '莲前街道',
    neighbourhood: '前埔一里社区',
    households: 1100,
    propertyCompanyId: 'jiayuan',
  });
  for (let b = 1; b <= 12; b++)
    await send(url, 'PUT', `/communities/qianpu/buildings/${b}`, admin, { name: `${b}号楼`, units: ['1单元', '2单元', '3单元'] });
  const people = [
    { id: 'bench-resident', name: '王阿姨', roles: ['resident'], communities: ['qianpu'], username: 'resident', password: PASSWORD },
    {
      id: 'bench-manager',
      name: '林经理',
      roles: ['manager'],
      communities: ['qianpu'],
      companyId: 'jiayuan',
      username: 'manager',
      password: PASSWORD,
    },
  ];
  for (const p of people) await send(url, 'POST', '/people', admin, p);
  const resident = await signToken(SECRET, { sub: 'bench-resident', roles: ['resident'], communities: ['qianpu'] });
  const categories = ['elevator', 'sanitation', 'water_power', 'noise', 'parking', 'security'];
  let next = 0;
  const file = async () => {
    for (let i = next++; i < OPEN_TICKETS; i = next++)
      await send(url, 'POST', '/tickets', resident, {
        communityId: 'qianpu',
        category: categories[i % categories.length],
        title: `${(i % 12) + 1}号楼 第 ${i + 1} 件报事`,
        description: '楼道灯不亮，晚上回家看不清台阶，请尽快修理。',
        location: { building: String((i % 12) + 1), unit: '1单元' },
      });
  };
  await Promise.all(Array.from({ length: 8 }, file));
}

type Load = { bytes: number; appBytes: number; requests: number; usableMs: number; idleMs: number };
/** BENCH_WEB_WATERFALL=1 prints each cold load's requests: when each ended, its bytes, its path. */
const WATERFALL = process.env.BENCH_WEB_WATERFALL === '1';

/** A cold load (new context: empty cache) of `path`, signed in first with the API so the cookie is set. */
async function coldLoad(browser: Browser, url: string, username: string, path: string, ready: string, emulate: boolean): Promise<Load> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  try {
    const signIn = await context.request.post(`${url}/auth/sign-in`, { data: { username, password: PASSWORD } });
    if (!signIn.ok()) throw new Error(`sign-in ${username}: ${signIn.status()}`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (emulate) {
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }
    let bytes = 0;
    let appBytes = 0;
    let requests = 0;
    const urls = new Map<string, string>();
    const waterfall: string[] = [];
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      const address = urls.get(e.requestId) ?? url;
      // A data: URL (Vant's icon font, inlined in its CSS) is decoded, not transferred: already counted in its stylesheet.
      if (address.startsWith('data:')) return;
      const path = new URL(address).pathname;
      bytes += e.encodedDataLength;
      // The app itself (HTML, scripts, styles, fonts under /app) as against the API's data.
      if (path.startsWith('/app')) appBytes += e.encodedDataLength;
      requests++;
      if (WATERFALL) waterfall.push(`${String(Date.now() - started).padStart(6)} ms ${String(e.encodedDataLength).padStart(8)} B  ${path}`);
    });
    const started = Date.now();
    await page.goto(`${url}${path}`, { waitUntil: 'commit' });
    await page.locator(ready).first().waitFor({ state: 'visible', timeout: 120_000 });
    const usableMs = Date.now() - started;
    await page.waitForLoadState('networkidle');
    const idleMs = Date.now() - started;
    if (WATERFALL) console.log(`${path}${emulate ? ' (emulated)' : ''}: usable at ${usableMs} ms\n${waterfall.join('\n')}`);
    return { bytes, appBytes, requests, usableMs, idleMs };
  } finally {
    await context.close();
  }
}

/** Scrolls the queue's list to its end in steps, one per frame, and times the frames. */
async function queueFrames(
  browser: Browser,
  url: string,
): Promise<{ frames: number; p50: number; p95: number; max: number; rows: string }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  try {
    await context.request.post(`${url}/auth/sign-in`, { data: { username: 'manager', password: PASSWORD } });
    const page = await context.newPage();
    await page.goto(`${url}/app/console/queue`);
    const list = page.locator('[data-testid=queue-scroller]');
    await list.waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const rows =
      (await page
        .locator('[data-testid=queue-count]')
        .first()
        .textContent()
        .catch(() => null)) ?? '?';
    const frames = await page.evaluate(async () => {
      const scroller = document.querySelector('[data-testid=queue-scroller]') as HTMLElement;
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 240 && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight; i++) {
        scroller.scrollTop += Math.max(200, scroller.scrollHeight / 240);
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    });
    frames.sort((a, b) => a - b);
    return { frames: frames.length, p50: percentile(frames, 50), p95: percentile(frames, 95), max: frames[frames.length - 1] ?? NaN, rows };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const db = await benchDatabase('web');
  const service = await ServiceProcess.start(db.url, SECRET, {
    LOG_LEVEL: 'warn',
    TIMERS_RUN: 'false',
    COOKIE_SECURE: 'false',
    SIGN_IN_RATE_LIMIT: '100000',
  });
  const browser = await chromium.launch({
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
  try {
    const seeding = Date.now();
    await seed(service.url);
    console.log(`seeded ${OPEN_TICKETS} open tickets in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
    const screens = [
      { name: 'resident filing screen', user: 'resident', path: '/app/m/file', ready: 'button[type=submit]', budget: 250 * 1024 },
      {
        name: 'console work queue',
        user: 'manager',
        path: '/app/console/queue',
        ready: '[data-testid=queue-scroller], .el-main',
        budget: 600 * 1024,
      },
    ];
    const rows: string[] = [];
    for (const s of screens) {
      const plain = await coldLoad(browser, service.url, s.user, s.path, s.ready, false);
      const emulated: Load[] = [];
      for (let i = 0; i < RUNS; i++) emulated.push(await coldLoad(browser, service.url, s.user, s.path, s.ready, true));
      const usable = emulated.map((e) => e.usableMs).sort((a, b) => a - b);
      const idle = emulated.map((e) => e.idleMs).sort((a, b) => a - b);
      const kb = plain.bytes / 1024;
      const appKb = plain.appBytes / 1024;
      rows.push(
        `| ${s.name} (\`${s.path}\`) | ${kb.toFixed(0)} KB in ${plain.requests} requests (app ${appKb.toFixed(0)} KB, API ${(kb - appKb).toFixed(0)} KB) | ${(s.budget / 1024).toFixed(0)} KB (${((plain.bytes / s.budget) * 100).toFixed(0)} %) | ${plain.usableMs} ms | ${usable.map(fmt).join(' / ')} ms | ${idle.map(fmt).join(' / ')} ms |`,
      );
      console.log(`${s.name}: ${kb.toFixed(0)} KB compressed, usable in ${usable.join('/')} ms emulated`);
    }
    const q = await queueFrames(browser, service.url);
    console.log(`queue scroll: ${q.frames} frames, p50 ${q.p50.toFixed(1)} ms, p95 ${q.p95.toFixed(1)} ms, max ${q.max.toFixed(1)} ms`);
    recordSection(
      'web',
      `## Web app (\`npm run bench:web\`)

${new Date().toISOString().slice(0, 10)}, ${machine()}, ${db.server}; Debian Chromium headless, service as a child process on the same machine.
Cold loads (cache disabled, signed in beforehand), bytes as received (compressed, with headers; "app" = the page,
scripts and styles under /app, "API" = the screen's data). Emulated: 150 ms RTT,
1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower (Lighthouse's mobile "slow 4G"); "usable" = the screen's main control is
visible (filing: the submit button; console: the queue), "idle" = no request for 500 ms; ${RUNS} emulated runs each.

| screen | transferred | budget | usable (no emulation) | usable, emulated | network idle, emulated |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Work queue with ${fmt(OPEN_TICKETS)} open tickets (list shows: ${q.rows}), scrolled to the end one step per frame:
${q.frames} frames, p50 ${q.p50.toFixed(1)} ms, p95 ${q.p95.toFixed(1)} ms, worst ${q.max.toFixed(1)} ms (16.7 ms = 60 fps).`,
    );
  } finally {
    await browser.close();
    await service.stop();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
