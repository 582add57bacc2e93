/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { accessibilityViolations, openPage, PHONE, screenshot, signIn, startWebWorld, type WebWorld } from '../support/browser';
import { gpsJpeg } from '../support/photos';
import { http } from '../support/test-app';
import { measureQueueFrames } from './queue-frames';

/**
 * SPEC §10 "Staff and manager" in the browser: 小陈 works a ticket from the live queue to resolved
 * (acknowledge, record work with a photo, resolve), sees a ticket a resident files appear without
 * reloading, and is told when someone else changed the ticket first; 林经理 assigns from the people
 * directory and merges a duplicate from the similar list; filing on a resident's behalf names them.
 */
let world: WebWorld;
const COMMUNITY = 'qianpu-yili-west';
const COMMUNITIES = [COMMUNITY, 'xingang-plaza', 'huaqiao-haijingcheng'];
let resident: string;
let manager: string;

beforeAll(async () => {
  world = await startWebWorld('web_queue', { days: 2 });
  resident = await world.t.token({ sub: 'resident-demo', roles: ['resident'], communities: [COMMUNITY] });
  manager = await world.t.token({ sub: 'manager-demo', roles: ['manager'], communities: COMMUNITIES, companyId: 'jiayuan-pm' });
}, 180_000);
afterAll(() => world?.close());

async function fileAsResident(title: string, extra: Record<string, unknown> = {}): Promise<{ id: string; position: number }> {
  const reply = await http(world.t.url, 'POST', '/tickets', {
    token: resident,
    body: {
      communityId: COMMUNITY,
      category: 'elevator',
      title,
      description: `${title}，麻烦尽快处理`,
      location: { building: '3' },
      ...extra,
    },
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

/** Opens an accordion section of the ticket page's actions by its title. */
async function openAction(page: Page, title: string, form: string) {
  await page.locator('.el-collapse-item__header', { hasText: title }).first().click();
  await page.getByTestId(form).waitFor();
  return page.getByTestId(form);
}

async function pick(page: Page, selectTestId: string, option: string, type?: string) {
  await page.getByTestId(selectTestId).click();
  if (type) await page.getByTestId(selectTestId).locator('input').fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

jest.setTimeout(120_000);

describe('the staff and manager screens', () => {
  it('小陈 sees a new ticket appear in the live queue without reloading, and works it to resolved', async () => {
    const page = await openPage(world);
    await signIn(page, world, 'xiaochen', /\/console\/queue$/);
    await page.locator('[data-testid=queue-row]').first().waitFor();
    await page.getByRole('tab', { name: '新报事' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'queue');

    // Newest first, so the new ticket is in the first rows the window draws.
    await pick(page, 'queue-sort', '最新在前');
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByTestId('live-state').filter({ hasText: '实时' }).waitFor();
    const title = `3号楼电梯按钮失灵 ${Date.now()}`;
    const filed = await fileAsResident(title);
    const row = page.locator('[data-testid=queue-row]', { hasText: title });
    await row.waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/console/tickets/${filed.id}$`));
    await page.getByTestId('ticket-title').filter({ hasText: title }).waitFor();
    await expect(page.getByTestId('ticket-reporter').textContent()).resolves.toBe('王阿姨');

    // An empty reply is refused next to its field, in Chinese.
    let form = await openAction(page, '受理', 'form-acknowledge');
    await form.getByRole('button', { name: '受理' }).click();
    await form.locator('.el-form-item__error', { hasText: '不能为空' }).waitFor();
    await form.locator('textarea[name=message]').fill('收到，马上安排电梯维保');
    await form.getByRole('button', { name: '受理' }).click();
    await page.getByTestId('ticket-status').filter({ hasText: '已受理' }).waitFor();

    form = await openAction(page, '记录处理', 'form-record');
    await form.locator('textarea[name=description]').fill('已更换3号楼电梯按钮面板');
    await page.setInputFiles('#record-photos', { name: 'after.jpg', mimeType: 'image/jpeg', buffer: await gpsJpeg(800, 600) });
    await form.getByTestId('picked-photo').waitFor();
    await form.getByRole('button', { name: '记录处理' }).click();
    await page.locator('[data-type=TicketActionRecorded] [data-testid=timeline-photo]').waitFor();
    await expect(page.locator('[data-type=TicketActionRecorded]').textContent()).resolves.toContain('小陈');
    await page.getByTestId('ticket-status').filter({ hasText: '处理中' }).waitFor();

    form = await openAction(page, '处理完成', 'form-resolve');
    await form.locator('textarea[name=resolution]').fill('按钮面板已更换，电梯运行正常');
    await form.getByRole('button', { name: '处理完成' }).click();
    await page.getByTestId('ticket-status').filter({ hasText: '待确认' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'queue-ticket');

    const after = await http(world.t.url, 'GET', `/tickets/${filed.id}`, { token: manager });
    expect(after.body).toMatchObject({ status: 'resolved', acknowledgedAt: expect.any(String) });
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('says the ticket changed under you and reloads it, when someone else acted first (If-Match)', async () => {
    const filed = await fileAsResident(`3号楼电梯门关不上 ${Date.now()}`);
    const page = await openPage(world);
    await signIn(page, world, 'xiaochen', /\/console\/queue$/);
    await page.goto(`${world.t.url}/app/console/tickets/${filed.id}`);
    await page.getByTestId('ticket-title').waitFor();
    const form = await openAction(page, '留言', 'form-comment');
    await form.locator('textarea[name=text]').fill('好的，马上去');
    // Someone else acts just before the click: had it come earlier, the page's live refresh (the
    // notification of that comment) could have read the new version first, and there would be no race.
    const comment = await http(world.t.url, 'POST', `/tickets/${filed.id}/comments`, {
      token: manager,
      body: { text: '经理：今天务必处理', internal: true },
    });
    expect(comment.status).toBe(200);
    await form.getByRole('button', { name: '留言' }).click();
    await form.locator('[role=alert]', { hasText: '已被他人修改' }).waitFor();
    // Reloaded: the manager's comment is on the timeline now, and the page's own was not sent.
    await page.locator('[data-type=TicketCommented]', { hasText: '经理：今天务必处理' }).waitFor();
    const timeline = await http(world.t.url, 'GET', `/tickets/${filed.id}/timeline`, { token: manager });
    expect(timeline.body.events.filter((e: { type: string }) => e.type === 'TicketCommented')).toHaveLength(1);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('林经理 assigns a ticket to 小陈 from the directory and merges a duplicate from the similar list', async () => {
    const primary = await fileAsResident('3号楼电梯异响很大');
    const duplicate = await fileAsResident('3号楼电梯异响');
    const page = await openPage(world);
    await signIn(page, world, 'lin.jingli', /\/console\/queue$/);
    await page.goto(`${world.t.url}/app/console/tickets/${primary.id}`);
    await page.getByTestId('ticket-title').waitFor();

    const form = await openAction(page, '派单', 'form-assign');
    await pick(page, 'assignee-select', '小陈');
    await form.getByRole('button', { name: '派单' }).click();
    await page.getByTestId('ticket-assignee').filter({ hasText: '小陈' }).waitFor();
    await page.locator('[data-type=TicketAssigned]', { hasText: '小陈' }).waitFor();

    await page.locator('.el-collapse-item__header', { hasText: '合并重复' }).click();
    const candidate = page.locator(`[data-testid=similar] li[data-ticket="${duplicate.id}"]`);
    await candidate.waitFor();
    await candidate.getByRole('button', { name: '把它并入本单' }).click();
    await page.locator('[data-type=TicketDuplicateMerged]').waitFor();
    const merged = await http(world.t.url, 'GET', `/tickets/${duplicate.id}`, { token: manager });
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoTicketId: primary.id });
    const assigned = await http(world.t.url, 'GET', `/tickets/${primary.id}`, { token: manager });
    expect(assigned.body.assigneeId).toBe('staff-demo');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it("files on a resident's behalf: 王阿姨 picked from the directory is the reporter", async () => {
    const page = await openPage(world);
    await signIn(page, world, 'xiaochen', /\/console\/queue$/);
    await page.goto(`${world.t.url}/app/console/file`);
    await page.getByTestId('file-form').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await pick(page, 'file-community', '前埔一里西小区');
    await pick(page, 'file-resident', '王阿姨', '王');
    await pick(page, 'file-category', '水电');
    await pick(page, 'file-building', '3号楼');
    const title = `电话报事：3号楼停水 ${Date.now()}`;
    await page.locator('input[name=title]').fill(title);
    await page.locator('textarea[name=description]').fill('王阿姨来电，3号楼从早上起停水');
    await page.getByRole('button', { name: '提交报事' }).click();
    await page.waitForURL(/\/console\/tickets\/[0-9a-f-]{36}/);
    await page.getByTestId('ticket-title').filter({ hasText: title }).waitFor();
    await expect(page.getByTestId('ticket-reporter').textContent()).resolves.toBe('王阿姨');
    const id = /tickets\/([0-9a-f-]{36})/.exec(page.url())![1];
    const ticket = await http(world.t.url, 'GET', `/tickets/${id}`, { token: manager });
    expect(ticket.body).toMatchObject({
      reporterId: 'resident-demo',
      channel: 'phone',
      category: 'water_power',
      location: { building: '3' },
    });
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('is usable at 360 px: the queue fits the screen, and the frame figures can be taken', async () => {
    const page = await openPage(world, PHONE);
    await signIn(page, world, 'xiaochen', /\/console\/queue$/);
    await page.locator('[data-testid=queue-row]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('tab', { name: '我的' }).click();
    await page.getByRole('tab', { name: '新报事' }).click();
    await page.locator('[data-testid=queue-row]').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const figures = await measureQueueFrames(page);
    console.log(`queue frames at 360 px, ${figures.rows} rows: ${JSON.stringify(figures)}`);
    expect(figures.frames).toBeGreaterThan(0);
    expect(figures.rows).toBeGreaterThan(0);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});
