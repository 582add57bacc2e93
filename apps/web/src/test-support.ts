import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { Component } from 'vue';
import { i18n, type Locale } from './i18n';

/**
 * Helpers for the web app's component and store tests (vitest, happy-dom). Our own code is real
 * (Pinia, the app's i18n, the openapi-fetch client); only the service behind `fetch` and the
 * browser's EventSource are stand-ins, as boundaries a unit test does not own.
 *
 * Note: openapi-fetch reads `globalThis.fetch` once, when api/client.ts creates the client, so a
 * store test replaces it in `vi.hoisted` (before its imports run), not in `beforeEach`.
 */

/** The service's answer as openapi-fetch reads it: a real Response with a JSON body. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** An RFC 9457 problem document, as the service answers a refusal. */
export function problem(status: number, code: string, title = code): Response {
  return new Response(JSON.stringify({ type: 'about:blank', status, title, code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

/** "GET /categories" for a request the client sent (fetch's first argument is a Request). */
export function described(input: RequestInfo | URL, init?: RequestInit): string {
  const request = input instanceof Request ? input : new Request(input, init);
  const url = new URL(request.url);
  return `${request.method} ${url.pathname}${url.search}`;
}

/** A promise the test settles when it chooses: a request still "in flight". */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A fresh Pinia, active for stores used outside a component too. */
export function freshPinia(): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  return pinia;
}

/** Mounts with the app's own i18n (in `locale`) and the given (or a fresh) Pinia. */
export function mountInApp(component: Component, options: { props?: Record<string, unknown>; locale?: Locale; pinia?: Pinia } = {}) {
  const { props, locale = 'zh-CN', pinia = freshPinia() } = options;
  i18n.global.locale.value = locale;
  return mount(component, { props, global: { plugins: [i18n, pinia] } });
}

/**
 * The browser's EventSource as the test drives it: `opened()`, `failed(readyState)`, `send(event, data)`.
 * Install with `vi.stubGlobal('EventSource', FakeEventSource)`; `FakeEventSource.instances` are the
 * connections made, newest last.
 */
export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];

  readyState = FakeEventSource.CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;

  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    super();
    FakeEventSource.instances.push(this);
  }

  get withCredentials() {
    return !!this.init?.withCredentials;
  }

  /** The stream answered (first time or after a retry). */
  opened() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.(new Event('open'));
  }

  /** The connection dropped: CONNECTING while the browser retries, CLOSED when the server refused. */
  failed(readyState: number = FakeEventSource.CONNECTING) {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }

  /** A server-sent event of the given type. */
  send(type: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }

  close() {
    this.readyState = FakeEventSource.CLOSED;
  }

  static get latest(): FakeEventSource {
    const source = FakeEventSource.instances.at(-1);
    if (!source) throw new Error('no EventSource was opened');
    return source;
  }
}
