import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../api/views';
import { FakeEventSource, freshPinia } from '../test-support';
import { useLive } from './live';

const notification = (id: string): Notification => ({
  id,
  type: 'TicketAssigned',
  ticketId: `ticket-${id}`,
  summary: '1 号楼电梯不动了 已派给 小陈',
  createdAt: '2025-03-10T02:00:00.000Z',
  readAt: null,
});

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  freshPinia();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('live store', () => {
  it('opens one stream of notifications with the session cookie, however often it is started', () => {
    const live = useLive();
    expect(live.state).toBe('idle');
    live.start();
    live.start();
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(FakeEventSource.latest.url).toBe('/notifications/stream');
    expect(FakeEventSource.latest.withCredentials).toBe(true);
    expect(live.state).toBe('connecting');
  });

  it('is live once the stream opens, reconnecting while the browser retries, and live again after', () => {
    const live = useLive();
    live.start();
    const stream = FakeEventSource.latest;

    stream.opened();
    expect(live.state).toBe('live');
    stream.failed(FakeEventSource.CONNECTING);
    expect(live.state).toBe('reconnecting');
    stream.opened();
    expect(live.state).toBe('live');
  });

  it('is closed, not reconnecting, when the server closed the stream (signed out)', () => {
    const live = useLive();
    live.start();
    FakeEventSource.latest.opened();
    FakeEventSource.latest.failed(FakeEventSource.CLOSED);
    expect(live.state).toBe('closed');
  });

  it('hands each notification to every listener, newest first in received, until one unsubscribes', () => {
    const live = useLive();
    const queue = vi.fn();
    const badge = vi.fn();
    live.onNotification(queue);
    const stopBadge = live.onNotification(badge);
    live.start();
    const stream = FakeEventSource.latest;
    stream.opened();

    stream.send('notification', notification('n1'));
    expect(queue).toHaveBeenCalledWith(notification('n1'));
    expect(badge).toHaveBeenCalledWith(notification('n1'));

    stopBadge();
    stream.send('notification', notification('n2'));
    expect(queue).toHaveBeenCalledTimes(2);
    expect(queue).toHaveBeenLastCalledWith(notification('n2'));
    expect(badge).toHaveBeenCalledTimes(1);
    expect(live.received.map((n) => n.id)).toEqual(['n2', 'n1']);
  });

  it('keeps the latest hundred notifications', () => {
    const live = useLive();
    live.start();
    for (let i = 1; i <= 105; i++) FakeEventSource.latest.send('notification', notification(`n${i}`));
    expect(live.received).toHaveLength(100);
    expect(live.received[0].id).toBe('n105');
    expect(live.received.at(-1)?.id).toBe('n6');
  });

  it('ignores events of other types on the stream', () => {
    const live = useLive();
    const listener = vi.fn();
    live.onNotification(listener);
    live.start();
    FakeEventSource.latest.send('message', { hello: 'keep-alive' });
    expect(listener).not.toHaveBeenCalled();
    expect(live.received).toEqual([]);
  });

  it('closes the stream on stop, and a later start opens a new one', () => {
    const live = useLive();
    live.start();
    const first = FakeEventSource.latest;
    first.opened();
    live.stop();
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    expect(live.state).toBe('idle');

    live.start();
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(live.state).toBe('connecting');
  });
});
