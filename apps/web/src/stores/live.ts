import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Notification } from '../api/views';

/** idle: not started (or stopped); closed: the server ended it (signed out, session expired) and the browser will not retry. */
export type LiveState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'closed';

/**
 * GET /notifications/stream (SSE, the session cookie authenticates it): new notifications as they
 * are written. The browser's EventSource reconnects by itself and resumes after Last-Event-ID; the
 * state shows the user when the queue is not live ("重新连接中…").
 */
export const useLive = defineStore('live', () => {
  const state = ref<LiveState>('idle');
  const received = ref<Notification[]>([]);
  const listeners = new Set<(n: Notification) => void>();
  let source: EventSource | null = null;

  function start(url = '/notifications/stream') {
    if (source) return;
    state.value = 'connecting';
    source = new EventSource(url, { withCredentials: true });
    source.onopen = () => (state.value = 'live');
    source.onerror = () => {
      // CLOSED: the server refused (signed out): say so, do not pretend to connect; CONNECTING: the browser is retrying.
      state.value = source?.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting';
    };
    source.addEventListener('notification', (event) => {
      const n = JSON.parse((event as MessageEvent<string>).data) as Notification;
      received.value = [n, ...received.value].slice(0, 100);
      for (const listener of listeners) listener(n);
    });
  }

  function stop() {
    source?.close();
    source = null;
    state.value = 'idle';
  }

  /** Called for each new notification (the queue refreshes); returns the unsubscribe. */
  function onNotification(listener: (n: Notification) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return { state, received, start, stop, onNotification };
});
