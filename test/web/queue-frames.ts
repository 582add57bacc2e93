/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { http } from '../support/test-app';
import type { WebWorld } from '../support/browser';

/**
 * The work queue under load, for `npm run bench:web` (figures, never assertions): `seedOpenTickets`
 * files n open tickets through the API; `measureQueueFrames` scrolls the open queue's list from top to
 * bottom and back, one step per animation frame, and reports the frame intervals the page achieved.
 */
export type FrameFigures = { frames: number; rows: number; p50ms: number; p95ms: number; maxms: number };

export async function measureQueueFrames(page: Page, options: { step?: number } = {}): Promise<FrameFigures> {
  await page.locator('[data-testid=queue-row]').first().waitFor();
  return page.evaluate(async (step) => {
    const scroller = document.querySelector<HTMLElement>('[data-testid=queue-scroller]');
    if (!scroller) throw new Error('no queue scroller on the page');
    const intervals: number[] = [];
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const bottom = () => scroller.scrollHeight - scroller.clientHeight;
    let last = await frame();
    const stepTo = async (top: number) => {
      scroller.scrollTop = top;
      const now = await frame();
      intervals.push(now - last);
      last = now;
    };
    for (let top = 0; top < bottom(); top += step) await stepTo(top);
    for (let top = bottom(); top > 0; top -= step * 3) await stepTo(top);
    const sorted = [...intervals].sort((a, b) => a - b);
    const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    const round = (n: number) => Math.round(n * 10) / 10;
    const countText = document.querySelector('[data-testid=queue-count]')?.textContent ?? '';
    return {
      frames: intervals.length,
      rows: Number(/\d+/.exec(countText)?.[0] ?? 0),
      p50ms: round(pick(0.5)),
      p95ms: round(pick(0.95)),
      maxms: round(sorted[sorted.length - 1] ?? 0),
    };
  }, options.step ?? 400);
}

/** Files n open tickets in 前埔一里西小区 as 小陈 (no reporter), `concurrency` at a time; returns the last position. */
export async function seedOpenTickets(world: WebWorld, n: number, concurrency = 8): Promise<number> {
  const token = await world.t.token({
    sub: 'staff-demo',
    roles: ['staff'],
    communities: ['qianpu-yili-west', 'xingang-plaza', 'huaqiao-haijingcheng'],
    companyId: 'jiayuan-pm',
  });
  const categories = ['elevator', 'water_power', 'sanitation', 'parking', 'noise', 'greenery', 'facilities'];
  let next = 0;
  let position = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const reply = await http(world.t.url, 'POST', '/tickets', {
        token,
        body: {
          communityId: 'qianpu-yili-west',
          category: categories[i % categories.length],
          title: `压测报事 ${i + 1}`,
          description: `第 ${i + 1} 条，为工作台滚动测试而报`,
          channel: 'phone',
        },
      });
      if (reply.status !== 201) throw new Error(`seeding ticket ${i + 1}: ${reply.status} ${reply.text}`);
      position = Math.max(position, Number(reply.body.position ?? 0));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return position;
}

/**
 * The whole benchmark: a fresh world, n open tickets filed through the API, 小陈's queue (new tab)
 * holding all of them, and its scroll frame figures, printed. For `npm run bench:web`.
 */
export async function runQueueBenchmark(
  n = 5000,
  log: (line: string) => void = console.log,
): Promise<FrameFigures & { seeded: number; loadMs: number }> {
  const { openPage, signIn, startWebWorld } = await import('../support/browser');
  const world = await startWebWorld('web_queue_bench', { days: 1 });
  try {
    const started = Date.now();
    const position = await seedOpenTickets(world, n);
    // Every projection (the tickets and the 小陈's notifications) caught up: the scroll is measured, not the flood.
    await world.t.app.get<ProjectionEngine>(PROJECTION_ENGINE).waitFor(position, 300_000);
    log(`seeded ${n} open tickets in ${Date.now() - started} ms`);
    const page = await openPage(world);
    await signIn(page, world, 'xiaochen', /\/console\/queue$/);
    const opened = Date.now();
    // Every page of the open tickets loaded (the count reaches n) before the scrolling starts.
    await page.waitForFunction(
      (want) => Number(/\d+/.exec(document.querySelector('[data-testid=queue-count]')?.textContent ?? '')?.[0] ?? 0) >= want,
      n,
      { timeout: 300_000 },
    );
    const loadMs = Date.now() - opened;
    const figures = await measureQueueFrames(page);
    log(`queue of ${figures.rows} open tickets: loaded in ${loadMs} ms; scroll ${JSON.stringify(figures)}`);
    await page.context().close();
    return { ...figures, seeded: n, loadMs };
  } finally {
    await world.close();
  }
}
