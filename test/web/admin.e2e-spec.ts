/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { accessibilityViolations, openPage, screenshot, signIn, startWebWorld, type WebWorld } from '../support/browser';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * SPEC §10 "Admin" in the browser: the admin keeps the reference data through the console's forms,
 * each write read back from the API; a refused input is said in Chinese next to its field; every
 * screen passes axe and raises no script error or CSP violation.
 */
let world: WebWorld;
let receiver: WebhookReceiver;
beforeAll(async () => {
  world = await startWebWorld('web_admin', { days: 2 });
  receiver = await WebhookReceiver.start();
}, 180_000);
afterAll(async () => {
  await receiver?.close();
  await world?.close();
});

const COMMUNITY = 'qianpu-yili-west';
jest.setTimeout(90_000);
type Open = Awaited<ReturnType<typeof openPage>>;

/** What the API answers the page's own session (the cookie), as JSON. */
const apiGet = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => {
    const r = await fetch(p);
    return { status: r.status, body: (await r.json()) as unknown };
  }, path) as Promise<{ status: number; body: T }>;

async function cleanScreen(page: Open) {
  // A dialog fading in or out is half transparent: judge the screen once it stands still.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(page.problems).toEqual([]);
}

describe('the admin console', () => {
  let page: Open;
  beforeAll(async () => {
    page = await openPage(world);
    await signIn(page, world, 'admin', /\/console\/admin$/);
  }, 60_000);
  afterAll(() => page?.context().close());

  it('lists the communities and registers a building with its units in 前埔一里西小区, refusing duplicate units in Chinese next to the field', async () => {
    const list = page.locator('[data-testid=communities]');
    await expect(list.textContent()).resolves.toContain('前埔一里西小区');
    await cleanScreen(page);
    await screenshot(page, 'admin');

    await page.getByRole('link', { name: '前埔一里西小区' }).click();
    await page.waitForURL(/\/console\/admin\/communities\/qianpu-yili-west$/);
    await page.getByRole('button', { name: '添加楼栋' }).click();
    const form = page.locator('[data-testid=building-form]');
    await form.locator('input[name=code]').fill('60');
    await form.locator('input[name=name]').fill('60号楼');
    await form.locator('textarea[name=units]').fill('1单元\n2单元\n1单元');
    await page.locator('[data-testid=save-building]').click();
    const unitsError = form
      .locator('.el-form-item.is-error', { has: page.locator('textarea[name=units]') })
      .locator('.el-form-item__error');
    await expect(unitsError.textContent()).resolves.toContain('每项只能填写一次，不能重复');
    await cleanScreen(page);
    // The refused building was not written.
    const before = await apiGet<{ items: { code: string }[] }>(page, `/communities/${COMMUNITY}/buildings`);
    expect(before.body.items.map((b) => b.code)).not.toContain('60');

    await form.locator('textarea[name=units]').fill('1单元\n2单元、3单元');
    await page.locator('[data-testid=save-building]').click();
    const row = page.locator('[data-testid=buildings] tr', { hasText: '60号楼' });
    await expect(row.textContent()).resolves.toContain('1单元、2单元、3单元');
    const after = await apiGet<{ items: { code: string; name: string; units: string[] }[] }>(page, `/communities/${COMMUNITY}/buildings`);
    expect(after.body.items.find((b) => b.code === '60')).toMatchObject({ name: '60号楼', units: ['1单元', '2单元', '3单元'] });
  });

  it('sets the working hours, refusing an impossible time in Chinese next to it', async () => {
    const form = page.locator('[data-testid=hours-form]');
    await form.locator('input[name=start]').fill('25:00');
    await form.getByRole('button', { name: '保存工作时间' }).click();
    const startError = form.locator('.el-form-item.is-error', { has: page.locator('input[name=start]') }).locator('.el-form-item__error');
    await expect(startError.textContent()).resolves.toContain('25:00 不是有效的时间');

    await form.locator('input[name=start]').fill('08:00');
    await form.locator('input[name=end]').fill('18:00');
    await form.getByRole('button', { name: '保存工作时间' }).click();
    await page.waitForFunction(async () => {
      const r = await fetch('/communities/qianpu-yili-west');
      const c = (await r.json()) as { workingHours: { start: string; end: string } };
      return c.workingHours.start === '08:00' && c.workingHours.end === '18:00';
    });
    await page.locator('[data-testid=hours-form] .el-form-item.is-error').waitFor({ state: 'detached' });
  });

  it("sets the elevator's SLA policy, showing the category's defaults", async () => {
    await page.getByRole('button', { name: '修改“电梯”的处理时限' }).click();
    await expect(page.locator('[data-testid=sla-defaults]').textContent()).resolves.toContain('默认：受理 120 分钟，办结 1440 分钟');
    const form = page.locator('[data-testid=sla-form]');
    await form.locator('input[name=acknowledgeWithinMinutes]').fill('60');
    await form.locator('input[name=resolveWithinMinutes]').fill('720');
    await form.locator('input[name=warnAtPercent]').fill('70');
    await form.locator('input[name=escalateAfterBreachMinutes]').fill('0, 60, 30');
    await page.locator('[data-testid=save-sla]').click();
    const ladderError = form
      .locator('.el-form-item.is-error', { has: page.locator('input[name=escalateAfterBreachMinutes]') })
      .locator('.el-form-item__error');
    await expect(ladderError.textContent()).resolves.toContain('须从小到大排列');

    await form.locator('input[name=escalateAfterBreachMinutes]').fill('0, 60, 240');
    await page.locator('[data-testid=save-sla]').click();
    await page.locator('[data-testid=sla] tr', { hasText: '电梯' }).filter({ hasText: '本小区设置' }).waitFor();
    const community = await apiGet<{ slaPolicies: Record<string, unknown> }>(page, `/communities/${COMMUNITY}`);
    expect(community.body.slaPolicies.elevator).toEqual({
      acknowledgeWithinMinutes: 60,
      resolveWithinMinutes: 720,
      clock: 'continuous',
      warnAtPercent: 70,
      escalateAfterBreachMinutes: [0, 60, 240],
    });
    await page.reload();
    await expect(page.locator('[data-testid=buildings]').textContent()).resolves.toContain('60号楼');
    await cleanScreen(page);
    await screenshot(page, 'admin-community');
  });

  it('registers a resident of 前埔一里西小区', async () => {
    await page.getByRole('menuitem', { name: '人员' }).click();
    await page.waitForURL(/\/console\/admin\/people$/);
    await expect(page.locator('[data-testid=people]').textContent()).resolves.toContain('王阿姨');
    // Companies by their names, not their ids.
    await page.locator('[data-testid=people] tr', { hasText: '嘉园物业服务有限公司' }).first().waitFor();
    await expect(page.locator('[data-testid=people]').textContent()).resolves.not.toContain('jiayuan-pm');
    await cleanScreen(page);
    await page.getByRole('button', { name: '登记人员' }).click();
    const form = page.locator('[data-testid=person-form]');
    await form.locator('input[name=id]').fill('resident-qianpu-12-301');
    await form.locator('input[name=name]').fill('李阿姨');
    await form.locator('.el-checkbox', { hasText: '居民' }).click();
    await form.locator('[data-testid=person-communities]').click();
    await page.getByRole('option', { name: '前埔一里西小区' }).click();
    await form.locator('input[name=phone]').fill('138-abc');
    await page.locator('[data-testid=save-person]').click();
    const phoneError = form.locator('.el-form-item.is-error', { has: page.locator('input[name=phone]') }).locator('.el-form-item__error');
    await expect(phoneError.textContent()).resolves.toContain('不是有效的电话号码');

    await form.locator('input[name=phone]').fill('13800001234');
    await page.locator('[data-testid=save-person]').click();
    await form.waitFor({ state: 'hidden' });
    // The list is paged by id: the new person is found by name.
    await page.locator('[data-testid=people-filters] input[name=q]').fill('李阿姨');
    await page.locator('[data-testid=people-filters]').getByRole('button', { name: '查询' }).click();
    await page.locator('[data-testid=people] tr', { hasText: '李阿姨' }).waitFor();
    const person = await apiGet<Record<string, unknown>>(page, '/people/resident-qianpu-12-301');
    expect(person.body).toMatchObject({ name: '李阿姨', roles: ['resident'], communities: [COMMUNITY], phone: '13800001234' });
  });

  it('registers a webhook, showing its secret once, and lists it', async () => {
    await page.getByRole('menuitem', { name: '外部推送' }).click();
    await page.waitForURL(/\/console\/admin\/webhooks$/);
    await page.getByRole('button', { name: '登记推送' }).click();
    const form = page.locator('[data-testid=webhook-form]');
    await form.locator('input[name=id]').fill('district-platform');
    await form.locator('input[name=url]').fill(receiver.url);
    const secret = await form.locator('input[name=secret]').inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await page.locator('[data-testid=save-webhook]').click();
    await form.waitFor({ state: 'hidden' });
    const notice = page.locator('[data-testid=webhook-secret]');
    await expect(notice.textContent()).resolves.toContain(secret);
    await expect(notice.textContent()).resolves.toContain('密钥只显示这一次');
    await page.locator('[data-testid=webhooks] tr', { hasText: receiver.url }).waitFor();
    const hooks = await apiGet<{ items: { id: string; url: string; format: string }[] }>(page, '/webhooks');
    expect(hooks.body.items).toEqual([expect.objectContaining({ id: 'district-platform', url: receiver.url, format: 'json' })]);
    expect(JSON.stringify(hooks.body)).not.toContain(secret);
    await cleanScreen(page);

    await page.getByRole('button', { name: '推送记录' }).click();
    const drawer = page.getByRole('dialog', { name: 'district-platform 的推送记录' });
    await drawer.waitFor();
    await cleanScreen(page);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('opens the calendars and the companies, which are listed by name with the estates they manage', async () => {
    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.waitForURL(/\/console\/admin\/calendars$/);
    await expect(page.locator('[data-testid=calendar-source]').textContent()).resolves.toMatch(/日历/);
    await cleanScreen(page);

    await page.getByRole('menuitem', { name: '物业公司' }).click();
    await page.waitForURL(/\/console\/admin\/companies$/);
    const companies = (await apiGet<{ items: { id: string; name: string; communities: string[] }[] }>(page, '/companies')).body.items;
    expect(companies.length).toBeGreaterThan(1);
    for (const c of companies) {
      const row = page.locator('[data-testid=companies] tr', { hasText: c.id });
      await expect(row.textContent()).resolves.toContain(c.name);
    }
    await expect(page.locator('[data-testid=companies] tr', { hasText: 'jiayuan-pm' }).textContent()).resolves.toContain('前埔一里西小区');
    await page.locator('[data-testid=company-form] input[name=id]').fill('haixin-pm');
    await page.locator('[data-testid=company-form] input[name=name]').fill('海新物业');
    await page.locator('[data-testid=company-form]').getByRole('button', { name: '登记' }).click();
    // Listed at once, by name: the page reads GET /companies at the registration's position.
    await expect(page.locator('[data-testid=companies] tr', { hasText: 'haixin-pm' }).textContent()).resolves.toContain('海新物业');
    await cleanScreen(page);
  });
});

describe('the parts of it other roles keep', () => {
  it("a manager keeps the buildings and working hours of their company's communities, not the SLA policies", async () => {
    const page = await openPage(world);
    await signIn(page, world, 'lin.jingli', /\/console\/queue$/);
    await page.getByRole('menuitem', { name: '小区与楼栋' }).click();
    await page.getByRole('link', { name: '前埔一里西小区' }).click();
    await page.locator('[data-testid=sla]').waitFor();
    await expect(page.getByRole('button', { name: '添加楼栋' }).count()).resolves.toBe(1);
    await expect(page.locator('[data-testid=hours-form]').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '修改“电梯”的处理时限' }).count()).resolves.toBe(0);
    await cleanScreen(page);
    await page.context().close();
  });
});
