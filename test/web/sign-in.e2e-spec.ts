/// <reference lib="dom" />
import { accessibilityViolations, openPage, PHONE, signIn, startWebWorld, type WebWorld } from '../support/browser';

/**
 * SPEC §2.2 and §10 in the browser: each demo person signs in through the page and lands on their
 * role's home; a wrong password is said in Chinese next to the form; the session is a cookie the
 * page's script cannot read (no token in localStorage); signing out ends it.
 */
let world: WebWorld;
beforeAll(async () => {
  world = await startWebWorld('web_sign_in', { days: 2 });
}, 180_000);
afterAll(() => world?.close());

const HOMES: [string, RegExp][] = [
  ['wang.ayi', /\/app\/m$/],
  ['xiaochen', /\/app\/console\/queue$/],
  ['lin.jingli', /\/app\/console\/queue$/],
  ['chen.zhuren', /\/app\/console\/overview$/],
  ['huang.shuji', /\/app\/console\/overview$/],
  ['zhou.zhuren', /\/app\/console\/overview$/],
  ['xu.kezhang', /\/app\/console\/overview$/],
  ['admin', /\/app\/console\/admin$/],
];

describe('signing in to the web app', () => {
  it.each(HOMES)('%s signs in and lands on their own home screen', async (username, home) => {
    const page = await openPage(world);
    await signIn(page, world, username, home);
    expect(page.url()).toMatch(home);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('a wrong password is refused in Chinese, and the accessible sign-in form has no serious violation', async () => {
    const page = await openPage(world, PHONE);
    await page.goto(`${world.t.url}/app/`);
    await page.locator('input[name=username]').fill('wang.ayi');
    await page.locator('input[name=password]').fill('not-the-password');
    await page.locator('button[type=submit]').click();
    await expect(page.locator('[role=alert]').textContent()).resolves.toContain('用户名或密码错误');
    expect(page.url()).toMatch(/\/app\/(sign-in)?$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('keeps no token where scripts can read it, and signing out ends the session', async () => {
    const page = await openPage(world);
    await signIn(page, world, 'lin.jingli', /\/console\/queue$/);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(stored).not.toMatch(/jinlin_session|csrf|eyJ/i);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'jinlin_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/sign-in/);
    const me = await page.evaluate(async () => (await fetch('/auth/me')).status);
    expect(me).toBe(401);
    await page.goto(`${world.t.url}/app/console/queue`);
    await page.waitForURL(/sign-in\?next=/);
    await page.context().close();
  });

  it('an English switch turns the screen into English, and the choice is remembered', async () => {
    const page = await openPage(world, PHONE);
    await page.goto(`${world.t.url}/app/`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('h2').textContent()).resolves.toBe('Sign in to Jinlin');
    await page.reload();
    await expect(page.locator('h2').textContent()).resolves.toBe('Sign in to Jinlin');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.context().close();
  });
});
