import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { useLive } from '../stores/live';
import { FakeEventSource, freshPinia, mountInApp } from '../test-support';
import LiveIndicator from './LiveIndicator.vue';

enableAutoUnmount(afterEach);
beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LiveIndicator', () => {
  it('tells a staff member whether the queue is live, as the stream opens, drops and comes back', async () => {
    const pinia = freshPinia();
    const indicator = mountInApp(LiveIndicator, { pinia });
    const status = indicator.get('[data-testid="live-state"]');
    expect(status.attributes('role')).toBe('status');
    expect(status.text()).toBe('连接中…');

    useLive(pinia).start();
    await nextTick();
    expect(status.text()).toBe('连接中…');
    expect(status.classes()).toEqual(['live', 'connecting']);

    FakeEventSource.latest.opened();
    await nextTick();
    expect(status.text()).toBe('实时');
    // The element's own class is "live" too; the state adds nothing else when live.
    expect(status.classes()).toEqual(['live']);

    FakeEventSource.latest.failed();
    await nextTick();
    expect(status.text()).toBe('重新连接中…');
    expect(status.classes()).toEqual(['live', 'reconnecting']);

    FakeEventSource.latest.opened();
    await nextTick();
    expect(status.text()).toBe('实时');

    // Signed out elsewhere: the server ends the stream and the browser will not retry.
    FakeEventSource.latest.failed(FakeEventSource.CLOSED);
    await nextTick();
    expect(status.text()).toBe('未连接，请刷新页面');
    expect(status.classes()).toEqual(['live', 'closed']);
  });

  it('says the same in English', async () => {
    const pinia = freshPinia();
    const indicator = mountInApp(LiveIndicator, { pinia, locale: 'en' });
    expect(indicator.text()).toBe('Connecting…');
    useLive(pinia).start();
    FakeEventSource.latest.opened();
    await nextTick();
    expect(indicator.text()).toBe('Live');
    FakeEventSource.latest.failed();
    await nextTick();
    expect(indicator.text()).toBe('Reconnecting…');
  });
});
