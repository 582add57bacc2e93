import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { mountInApp } from '../test-support';
import SlaCountdown from './SlaCountdown.vue';

/** 2025-03-10 10:00 in Beijing: the clock every case starts from (fake timers move it). */
const NOW = Date.parse('2025-03-10T10:00:00+08:00');
const MINUTE = 60_000;
const at = (offsetMinutes: number) => new Date(NOW + offsetMinutes * MINUTE).toISOString();

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

enableAutoUnmount(afterEach);

describe('SlaCountdown', () => {
  it.each([
    // deadline in minutes from now, what a resident reads, what an English reader reads, warned as soon?
    [30, '剩余 30 分钟', '30 min left', true],
    [3 * 60, '剩余 3 小时', '3 h left', true],
    [5 * 60 + 59, '剩余 5 小时', '5 h left', false],
    [3 * 24 * 60, '剩余 3 天', '3 d left', false],
  ])('a deadline %i minutes away reads 「%s」 / "%s" (soon: %s)', (minutes, zh, en, soon) => {
    const chinese = mountInApp(SlaCountdown, { props: { deadline: at(minutes) } });
    expect(chinese.text()).toBe(zh);
    expect(chinese.classes('soon')).toBe(soon);
    expect(chinese.classes('overdue')).toBe(false);
    expect(mountInApp(SlaCountdown, { props: { deadline: at(minutes) }, locale: 'en' }).text()).toBe(en);
  });

  it.each([
    [-5, '已超时 5 分钟', '5 min overdue'],
    [-3 * 60, '已超时 3 小时', '3 h overdue'],
    [-2 * 24 * 60 - 30, '已超时 2 天', '2 d overdue'],
  ])('a deadline %i minutes past reads 「%s」 / "%s", marked overdue and not soon', (minutes, zh, en) => {
    const chinese = mountInApp(SlaCountdown, { props: { deadline: at(minutes) } });
    expect(chinese.text()).toBe(zh);
    expect(chinese.classes()).toContain('overdue');
    expect(chinese.classes('soon')).toBe(false);
    expect(mountInApp(SlaCountdown, { props: { deadline: at(minutes) }, locale: 'en' }).text()).toBe(en);
  });

  it('names the deadline in Beijing time for the machine and the tooltip', () => {
    const deadline = '2025-03-10T06:30:00.000Z';
    const time = mountInApp(SlaCountdown, { props: { deadline } });
    expect(time.element.tagName).toBe('TIME');
    expect(time.attributes('datetime')).toBe(deadline);
    expect(time.attributes('title')).toBe('2025-03-10 14:30');
  });

  it('counts down each minute and turns overdue when the deadline passes', async () => {
    const countdown = mountInApp(SlaCountdown, { props: { deadline: at(61) } });
    expect(countdown.text()).toBe('剩余 1 小时');

    vi.advanceTimersByTime(2 * MINUTE);
    await nextTick();
    expect(countdown.text()).toBe('剩余 59 分钟');

    vi.advanceTimersByTime(61 * MINUTE);
    await nextTick();
    expect(countdown.text()).toBe('已超时 2 分钟');
    expect(countdown.classes()).toContain('overdue');
  });

  it('stops its clock when it leaves the page', () => {
    const countdown = mountInApp(SlaCountdown, { props: { deadline: at(61) } });
    expect(vi.getTimerCount()).toBe(1);
    countdown.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is struck through while the ticket waits on the resident', () => {
    const stopped = mountInApp(SlaCountdown, { props: { deadline: at(90), stopped: true } });
    expect(stopped.classes()).toContain('stopped');
    expect(mountInApp(SlaCountdown, { props: { deadline: at(90) } }).classes('stopped')).toBe(false);
  });

  it.each([null, undefined])('shows a dash for no deadline (%s)', (deadline) => {
    const none = mountInApp(SlaCountdown, { props: { deadline } });
    expect(none.text()).toBe('—');
    expect(none.find('time').exists()).toBe(false);
  });
});
