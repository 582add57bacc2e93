/// <reference lib="dom" />
import { join } from 'node:path';
import { http } from './support/test-app';
import { openPage, startWebWorld, type WebWorld } from './support/browser';

/**
 * SPEC §6's last line: GET /dashboard, the old page's address, leads to the web app's overview, and
 * there a secretary finds the API's own figures. The overview's screenshot is the README's image.
 */
const SCREENSHOT = join(__dirname, '..', 'docs', 'dashboard.png');
let world: WebWorld;
beforeAll(async () => {
  world = await startWebWorld('dashboard_page', { days: 10 });
}, 240_000);
afterAll(() => world?.close());

const noFollow = (path: string) => fetch(`${world.t.url}${path}`, { redirect: 'manual' });
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

describe('GET /dashboard', () => {
  it('redirects to the overview, keeping a well-formed community and dropping anything else', async () => {
    const plain = await noFollow('/dashboard');
    expect(plain.status).toBe(302);
    expect(plain.headers.get('location')).toBe('/app/console/overview');
    // Its small page carries the page headers too.
    expect(plain.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await noFollow('/dashboard?communityId=xingang-plaza')).headers.get('location')).toBe(
      '/app/console/overview?communityId=xingang-plaza',
    );
    for (const bad of ['https://evil.example', '//evil.example', 'a%0d%0aSet-Cookie:x=1', 'X'])
      expect((await noFollow(`/dashboard?communityId=${encodeURIComponent(bad)}`)).headers.get('location')).toBe('/app/console/overview');
    // The old page's assets are gone.
    expect((await http(world.t.url, 'GET', '/dashboard/assets/app.js')).status).toBe(404);
  });

  it('in Chromium, it leads through sign-in to the overview, whose figures are GET /dashboards/summary’s for the same community and period', async () => {
    const page = await openPage(world, { width: 1366, height: 1180 });
    await page.goto(`${world.t.url}/dashboard?communityId=huaqiao-haijingcheng`);
    await page.waitForURL(/\/sign-in\?next=/);
    const password = world.passwords['huang.shuji'];
    await page.locator('input[name=username]').fill('huang.shuji');
    await page.locator('input[name=password]').fill(password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/console\/overview\?communityId=huaqiao-haijingcheng$/);
    await page.locator('[data-figure="responseRate"]').waitFor();
    const section = page.locator('section.overview');
    const scope = {
      communityId: (await section.getAttribute('data-community'))!,
      from: (await section.getAttribute('data-from'))!,
      to: (await section.getAttribute('data-to'))!,
    };
    expect(scope.communityId).toBe('huaqiao-haijingcheng');
    const token = await world.t.token({ sub: 'secretary-demo', roles: ['secretary'], communities: ['huaqiao-haijingcheng'] });
    const summary = (await http(world.t.url, 'GET', `/dashboards/summary?${new URLSearchParams(scope)}`, { token })).body;
    expect(summary.total.filed).toBeGreaterThan(5);
    const shown = async (figure: string) => (await page.locator(`[data-figure="${figure}"]`).first().textContent())?.trim();
    for (const rate of ['responseRate', 'resolutionRate', 'satisfactionRate']) expect(await shown(rate)).toBe(pct(summary.total[rate]));
    for (const count of ['filed', 'backlog', 'overdue']) expect(await shown(count)).toBe(String(summary.total[count]));
    await page.waitForFunction(
      () => document.querySelectorAll('[data-chart-state="done"]').length >= 4 && !document.querySelector('[data-chart-state="drawing"]'),
      undefined,
      { timeout: 20_000 },
    );
    expect(page.problems).toEqual([]);
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    await page.context().close();
  }, 90_000);
});
