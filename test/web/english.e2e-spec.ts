/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { accessibilityViolations, DESKTOP, openPage, PHONE, signIn, startWebWorld, type WebWorld } from '../support/browser';
import { http } from '../support/test-app';

/**
 * The English screens in Chromium (README listed them as untested): each role switches the app to
 * English and works its main screens against the demo. On every screen the document says lang=en,
 * the app's own words (headings, menu entries, tabs, buttons, table headers, field labels, status,
 * category, role and event names, SLA countdowns) have no Chinese left in them, axe finds no serious
 * violation and the page raises no script error or CSP violation. What people wrote (community and
 * building names, ticket titles, people's names) stays as written, so the checks pick the app's own
 * elements, never whole screens.
 */
let world: WebWorld;
let resident: string;
let secretary: string;
let categoryNames: Set<string>;
const COMMUNITY = 'qianpu-yili-west';
const ALL = [COMMUNITY, 'xingang-plaza', 'huaqiao-haijingcheng'];
type Open = Page & { problems: string[] };

beforeAll(async () => {
  world = await startWebWorld('web_english', { days: 3 });
  resident = await world.t.token({ sub: 'resident-demo', roles: ['resident'], communities: [COMMUNITY] });
  secretary = await world.t.token({ sub: 'secretary-demo', roles: ['secretary'], communities: ALL });
  const categories = (await http(world.t.url, 'GET', '/categories', { token: resident })).body.items as { nameEn: string }[];
  categoryNames = new Set(categories.map((c) => c.nameEn));
}, 180_000);
afterAll(() => world?.close());

jest.setTimeout(90_000);

/**
 * Each shown element of each selector whose words are Chinese, as "selector: words"; a selector that
 * shows nothing is reported too, so a renamed class cannot make a check pass by matching nothing.
 * The words are the element's text, its placeholder, and for an element without text (an icon
 * button) its accessible name. The switch back to Chinese is Chinese on purpose, marked lang=zh-CN.
 */
async function chineseChrome(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const han = /\p{Script=Han}/u;
    const found: string[] = [];
    for (const selector of list) {
      const shown = Array.from(document.querySelectorAll<HTMLElement>(selector)).filter(
        (el) => el.checkVisibility() && !el.closest('[lang^="zh"]'),
      );
      if (!shown.length) found.push(`${selector}: nothing shown`);
      for (const el of shown) {
        const text = el.innerText.trim();
        const words = [text, el.getAttribute('placeholder'), text ? null : el.getAttribute('aria-label')];
        for (const w of words) if (w && han.test(w)) found.push(`${selector}: ${w.replace(/\s+/g, ' ')}`);
      }
    }
    return found;
  }, selectors);
}

/** What every English screen must be: lang=en, the chosen chrome in English, axe-clean, no script error. */
async function inEnglish(page: Open, selectors: readonly string[]) {
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  expect(await chineseChrome(page, selectors)).toEqual([]);
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(page.problems).toEqual([]);
}

const texts = async (page: Page, selector: string) => (await page.locator(selector).allInnerTexts()).map((s) => s.trim());

/** Switches to English on the sign-in screen, then signs in (the choice outlives the reload). */
async function signInInEnglish(page: Open, username: string, landing: RegExp) {
  await page.goto(`${world.t.url}/app/`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('h2', { hasText: 'Sign in to Jinlin' }).waitFor();
  await signIn(page, world, username, landing);
}

/** The console's own frame: the top bar (switch, sign-out, roles) and the menu. */
/** The role names in English (common.ts), for lists of them such as "Resident, Staff". */
const ROLES = ['Resident', 'Staff', 'Manager', 'Owners’ committee', 'Party secretary', 'Neighbourhood', 'Subdistrict', 'Administrator'];
const roleNames = (cells: string[]) => cells.flatMap((cell) => cell.replace(/^·\s*/, '').split(', '));

/** 王阿姨 files a lift ticket in building 3 through the API (Chinese, as residents write). */
async function fileLift(title: string, description: string) {
  const filed = await http(world.t.url, 'POST', '/tickets', {
    token: resident,
    body: { communityId: COMMUNITY, category: 'elevator', title, description, location: { building: '3' } },
  });
  expect(filed.status).toBe(201);
  return filed;
}

const CONSOLE = ['.el-header button', '[data-testid=who] small', '.el-menu-item', '[data-testid=live-state]'];

describe('the resident on a phone, in English', () => {
  it('switches on the sign-in screen, and reads My reports, the filing screen and a ticket in English', async () => {
    const title = `3号楼电梯按钮失灵 ${Date.now()}`;
    const filed = await fileLift(title, '按钮按了没反应');

    const page = await openPage(world, PHONE);
    await page.goto(`${world.t.url}/app/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h2', { hasText: 'Sign in to Jinlin' }).waitFor();
    await inEnglish(page, ['h1', 'h2', '.van-field__label', 'input[name=username]', 'button[type=submit]', '.jl-muted']);
    await page.locator('input[name=username]').fill('wang.ayi');
    await page.locator('input[name=password]').fill(world.passwords['wang.ayi']);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/app\/m$/);

    // My reports: English statuses, categories and deadlines; the titles stay as she wrote them.
    const card = page.locator('[data-testid=my-tickets] article', { hasText: title });
    await card.waitFor();
    await expect(card.locator('.status').innerText()).resolves.toBe('New');
    await expect(card.locator('time.sla').innerText()).resolves.toMatch(/^\d+ (min|h|d) (left|overdue)$/);
    const categories = await texts(page, '[data-testid=my-tickets] .head + .meta > span:first-child');
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect(categoryNames).toContain(c);
    await inEnglish(page, [
      '.van-nav-bar__title',
      '.van-tabbar-item',
      '[data-testid=my-tickets] .status',
      '[data-testid=my-tickets] .head + .meta > span:first-child',
      '[data-testid=my-tickets] .meta + .meta',
    ]);

    // The filing screen, and the category picker's names.
    await page.locator('.van-tabbar-item', { hasText: 'Report' }).click();
    await page.waitForURL(/\/m\/file$/);
    await page.locator('.van-nav-bar__title', { hasText: 'Report a problem' }).waitFor();
    await inEnglish(page, [
      '.van-nav-bar__title',
      '.van-cell__title',
      '.van-field__label',
      '.van-radio__label',
      '.photos-label',
      '.hint',
      '.unpicked',
      'input[name=title]',
      'textarea[name=description]',
      'button[type=submit]',
      '.van-tabbar-item',
    ]);
    await page.locator('[data-field=category]').click();
    await page.locator('.van-picker__title', { hasText: 'Category' }).waitFor();
    const offered = await texts(page, '.van-picker-column__item');
    expect(offered.length).toBe(categoryNames.size);
    for (const c of offered) expect(categoryNames).toContain(c);
    expect(await chineseChrome(page, ['.van-picker__title', '.van-picker__confirm', '.van-picker__cancel'])).toEqual([]);
    await page.locator('.van-picker__cancel').click();
    await page.locator('.van-picker').waitFor({ state: 'hidden' });

    // One of her tickets.
    await page.locator('.van-tabbar-item', { hasText: 'Mine' }).click();
    await card.click();
    await page.waitForURL(new RegExp(`/m/tickets/${filed.body.id}$`));
    await page.locator('h1', { hasText: title }).waitFor();
    await page.locator('[data-testid=timeline] li').first().waitFor();
    await expect(page.locator('.head .status').innerText()).resolves.toBe('New');
    await expect(page.locator('[data-testid=timeline] .event strong').first().innerText()).resolves.toBe('Filed');
    await expect(page.locator('.van-cell', { hasText: 'Category' }).locator('.van-cell__value').innerText()).resolves.toBe('Elevator');
    await inEnglish(page, [
      '.van-nav-bar__title',
      '.van-nav-bar__text',
      '.van-cell__title',
      '.head .status',
      'time.sla',
      'h2',
      '[data-testid=timeline] .event strong',
      '[data-testid=timeline] time',
      '.van-field__label',
      'textarea[name=text]',
      'button',
    ]);
    await page.context().close();
  });
});

describe('staff and managers at the console, in English', () => {
  it('小陈 reads the work queue and a new ticket in English, and acknowledges it', async () => {
    const title = `3号楼电梯门关不上 ${Date.now()}`;
    const filed = await fileLift(title, '电梯门关不上');
    const page = await openPage(world, DESKTOP);
    await signInInEnglish(page, 'xiaochen', /\/console\/queue$/);
    await page.locator('[data-testid=queue-row]').first().waitFor();
    await expect(texts(page, '[role=tab]')).resolves.toEqual(['New', 'Mine', 'Waiting', 'Due soon', 'Overdue']);
    await expect(texts(page, '.el-menu-item')).resolves.toEqual(['Work queue', 'File for a resident']);
    await inEnglish(page, [
      ...CONSOLE,
      'h1',
      '[role=tab]',
      '[data-testid=queue-count]',
      '.columns span',
      '.filters .el-select__selected-item',
      '.filters input[placeholder]',
      '[data-testid=queue-row] .status',
      '[data-testid=queue-row] .deadline',
    ]);
    // A row says its community as named and its category in English.
    const categories = (await texts(page, '[data-testid=queue-row] .title small')).map((s) => s.split(' · ').pop()!);
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect(categoryNames).toContain(c);

    await page.getByRole('tab', { name: 'Overdue' }).click();
    await page.locator('[data-testid=queue-row]').first().waitFor();
    await expect(texts(page, '[data-testid=queue-row] time.sla')).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+ (min|h|d) overdue$/)]),
    );
    expect(await chineseChrome(page, ['[data-testid=queue-row] .status', '[data-testid=queue-row] .deadline'])).toEqual([]);

    await page.goto(`${world.t.url}/app/console/tickets/${filed.body.id}`);
    await page.getByTestId('ticket-title').filter({ hasText: title }).waitFor();
    await expect(page.getByTestId('ticket-status').innerText()).resolves.toBe('New');
    await expect(texts(page, '[data-testid=timeline] .what strong')).resolves.toEqual(['Filed']);
    await inEnglish(page, [...CONSOLE, '.back', 'h2', 'dt', '.head .status', '.head time.sla', '.el-collapse-item__header']);

    // An empty reply is refused in the service's English words; a real one is acknowledged.
    await page.locator('.el-collapse-item__header', { hasText: 'Acknowledge' }).click();
    const form = page.getByTestId('form-acknowledge');
    await form.waitFor();
    await form.getByRole('button', { name: 'Acknowledge' }).click();
    const error = form.locator('.el-form-item__error');
    await error.waitFor();
    expect(await error.innerText()).not.toMatch(/\p{Script=Han}/u);
    expect(
      await chineseChrome(page, ['[data-testid=form-acknowledge] .el-form-item__label', '[data-testid=form-acknowledge] button']),
    ).toEqual([]);
    await form.locator('textarea[name=message]').fill('收到，马上安排电梯维保');
    await form.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByTestId('ticket-status').filter({ hasText: 'Acknowledged' }).waitFor();
    await page.locator('.notice', { hasText: 'Saved' }).waitFor();
    await page.locator('[data-type=TicketAcknowledged] .what strong', { hasText: 'Acknowledged' }).waitFor();
    await inEnglish(page, [...CONSOLE, '.notice', 'h2', 'dt', '.head .status', '[data-testid=timeline] .what strong']);
    await page.context().close();
  });

  it('林经理 switches in the console’s top bar, and assigns a ticket in English', async () => {
    const title = `3号楼电梯异响 ${Date.now()}`;
    const filed = await fileLift(title, '电梯运行时异响');
    const page = await openPage(world, DESKTOP);
    await signIn(page, world, 'lin.jingli', /\/console\/queue$/);
    await page.getByRole('tab', { name: '新报事' }).waitFor();
    await page.locator('.el-header').getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'New' }).waitFor();
    await page.locator('[data-testid=queue-row]').first().waitFor();
    await expect(page.locator('[data-testid=who] small').innerText()).resolves.toBe('Manager');
    await inEnglish(page, [
      ...CONSOLE,
      'h1',
      '[role=tab]',
      '[data-testid=queue-count]',
      '.columns span',
      '.filters .el-select__selected-item',
      '[data-testid=queue-row] .status',
      '[data-testid=queue-row] .deadline',
    ]);

    const row = page.locator('[data-testid=queue-row]', { hasText: title });
    await page.locator('.filters input[placeholder]').fill(title);
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/console/tickets/${filed.body.id}$`));
    await page.getByTestId('ticket-title').filter({ hasText: title }).waitFor();
    await page.locator('.el-collapse-item__header', { hasText: 'Assign' }).click();
    const form = page.getByTestId('form-assign');
    await form.waitFor();
    await page.getByTestId('assignee-select').click();
    await page.getByRole('option', { name: '小陈' }).first().click();
    await form.getByRole('button', { name: 'Assign' }).click();
    await page.getByTestId('ticket-assignee').filter({ hasText: '小陈' }).waitFor();
    await page.locator('.notice', { hasText: 'Saved' }).waitFor();
    await page.locator('[data-type=TicketAssigned] .what strong', { hasText: 'Assigned' }).waitFor();
    await inEnglish(page, [
      ...CONSOLE,
      '.back',
      '.notice',
      'h2',
      'dt',
      '.head .status',
      '.el-collapse-item__header',
      '[data-testid=timeline] .what strong',
    ]);
    await page.context().close();
  });
});

describe('the secretary (黄书记), in English', () => {
  let page: Open;
  beforeAll(async () => {
    page = await openPage(world, DESKTOP);
    await signInInEnglish(page, 'huang.shuji', /\/console\/overview$/);
  }, 60_000);
  afterAll(() => page?.context().close());

  // ECharts draws its legends and axes on a canvas: the charts are checked by their titles and
  // accessible names, the DOM around them.
  it('reads the overview: figure names, chart titles and the lists in English', async () => {
    await page.locator('[data-figure="responseRate"]').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-chart-state="done"]').length >= 2 && !document.querySelector('[data-chart-state="drawing"]'),
      undefined,
      { timeout: 20_000 },
    );
    await expect(texts(page, '.rate-name')).resolves.toEqual(
      ['Response rate', 'Resolution rate', 'Satisfaction rate'].map((name) => expect.stringMatching(new RegExp(`^${name}\\b`))),
    );
    await inEnglish(page, [
      ...CONSOLE,
      'h1',
      'h2',
      '.scope .field > span',
      '.scope .el-radio-button',
      '.rate-name',
      '.rate-name button',
      '.count-name',
      '[data-figure=firstResponse]',
      '.as-of',
      '.charts [role=img]',
      '.el-table th',
      '.el-table .status',
    ]);
  });

  it('reads a ticket’s audit trail, its event and role names and the chain verdict in English', async () => {
    const closed = (await http(world.t.url, 'GET', `/tickets?communityId=${COMMUNITY}&limit=1&status=closed`, { token: secretary })).body
      .items[0] as { id: string };
    await page.goto(`${world.t.url}/app/console/audit/${closed.id}`);
    await page.locator('[data-testid=chain]').waitFor();
    await expect(page.locator('[data-testid=chain]').getAttribute('data-chain')).resolves.toBe('valid');
    await expect(page.locator('[data-testid=chain] .verdict').innerText()).resolves.toBe('Chain valid ✓');
    const timeline = (await http(world.t.url, 'GET', `/tickets/${closed.id}/timeline`, { token: secretary })).body;
    await expect(page.locator('[data-testid=events] > li').count()).resolves.toBe(timeline.events.length);
    await expect(texts(page, '[data-testid=events] .name')).resolves.toContain('Filed');
    const roles = roleNames(await texts(page, '[data-testid=actor] small'));
    expect(roles).toContain('Resident');
    for (const role of roles) expect(ROLES).toContain(role);
    await inEnglish(page, [
      ...CONSOLE,
      'h1',
      '.head button',
      '[data-testid=chain]',
      '.ticket-line .status',
      '[data-testid=events] .name',
      '[data-testid=actor] small',
      '[data-testid=events] dt',
      '[data-testid=events] .hash > span',
    ]);
  });

  it('reads the monthly report in English', async () => {
    await page.getByRole('menuitem', { name: 'Monthly report' }).click();
    await page.waitForURL(/\/console\/reports\/monthly$/);
    await page.locator('[data-testid=report] [data-figure=filed]').waitFor();
    await inEnglish(page, [
      ...CONSOLE,
      '.scope .field > span',
      '.tools button',
      '.tools a',
      '[data-testid=report] h2',
      '[data-testid=report] th',
      '[data-testid=report] .sign',
    ]);
    // The report's title names the community picked (as it is called) in an English sentence.
    const picked = (await page.locator('[data-testid=community]').innerText()).trim();
    expect(picked).toMatch(/\p{Script=Han}/u);
    const heading = await page.locator('[data-testid=report] h1').innerText();
    expect(heading).toContain(picked);
    expect(heading.replace(picked, '')).not.toMatch(/\p{Script=Han}/u);
  });
});

describe('the admin, in English', () => {
  it('reads the communities and the people, with role names in English', async () => {
    const page = await openPage(world, DESKTOP);
    await signInInEnglish(page, 'admin', /\/console\/admin$/);
    await page.locator('[data-testid=communities] tbody tr').first().waitFor();
    await inEnglish(page, [...CONSOLE, 'h1', '.head button', '[data-testid=communities] th']);

    await page.getByRole('menuitem', { name: 'People' }).click();
    await page.waitForURL(/\/console\/admin\/people$/);
    await page.locator('[data-testid=people] tbody tr').first().waitFor();
    const roles = roleNames(await texts(page, '[data-testid=people] tbody td:nth-child(2)'));
    expect(roles).toEqual(expect.arrayContaining(['Resident', 'Manager', 'Administrator']));
    for (const role of roles) expect(ROLES).toContain(role);
    await inEnglish(page, [
      ...CONSOLE,
      'h1',
      '.head button',
      '.filters .el-select__placeholder',
      '.filters input[placeholder]',
      '.filters button',
      '[data-testid=people] th',
      '[data-testid=people] tbody td:nth-child(2)',
      '[data-testid=people] tbody button',
    ]);
    await page.context().close();
  });
});
