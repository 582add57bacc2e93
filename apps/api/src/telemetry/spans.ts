import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { eventId, type EventStore, type StoredEvent } from '@jinlin/event-store';
import type { AroundApply } from '@jinlin/projections';

export const tracer = trace.getTracer('jinlin');

/** The attribute every span about one event carries: its id as NATS and webhooks name it. */
export const EVENT_ID = 'jinlin.event.id';

/**
 * The trace an event belongs to travels in its metadata as a W3C `traceparent` (metadata is
 * ids and roles, never personal data): whoever handles the event later, in another process or
 * after a restart, continues the trace of the command that appended it.
 */
export function traceparentOf(ctx: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent;
}

export function contextOfEvent(event: Pick<StoredEvent, 'metadata'>): Context {
  const traceparent = event.metadata.traceparent;
  return typeof traceparent === 'string' ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

/**
 * Runs `work` in a span that continues the event's trace and names the event. For every delivery
 * of an event (the NATS publisher, the webhook sender): `inEventSpan('webhook.deliver', event, …)`.
 */
export function inEventSpan<T>(
  name: string,
  event: StoredEvent,
  work: (span: Span) => Promise<T>,
  attributes: Attributes = {},
): Promise<T> {
  return inDeliverySpan(name, { eventId: eventId(event), traceparent: event.metadata.traceparent }, work, {
    'jinlin.event.type': event.type,
    ...attributes,
  });
}

/**
 * The same for a delivery known by the event's id and the traceparent kept with it (a webhook
 * delivery row: the sender works from its queue, not from the event).
 */
export function inDeliverySpan<T>(
  name: string,
  delivery: Readonly<{ eventId: string; traceparent?: unknown }>,
  work: (span: Span) => Promise<T>,
  attributes: Attributes = {},
): Promise<T> {
  const options = { kind: SpanKind.PRODUCER, attributes: { [EVENT_ID]: delivery.eventId, ...attributes } };
  return tracer.startActiveSpan(name, options, contextOfEvent({ metadata: { traceparent: delivery.traceparent } }), (span) =>
    ended(span, work),
  );
}

/** Ends the span when `work` settles, marking it failed if it threw. */
export async function ended<T>(span: Span, work: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await work(span);
  } catch (error) {
    failed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * The store as the service sees it when tracing: each append is a span, and each event appended
 * carries that span's traceparent in its metadata. Everything else passes through untouched.
 */
export function tracedEventStore(store: EventStore): EventStore {
  const append: EventStore['appendToStream'] = (streamId, events, options) =>
    tracer.startActiveSpan(
      'eventstore.append',
      { attributes: { 'jinlin.stream.id': streamId, 'jinlin.event.count': events.length } },
      (span) =>
        ended(span, async () => {
          const traceparent = traceparentOf();
          const carried = traceparent ? events.map((e) => ({ ...e, metadata: { ...e.metadata, traceparent } }) as typeof e) : events;
          const result = await store.appendToStream(streamId, carried, options);
          const first = result.nextVersion - events.length + 1;
          const ids = events.map((_, i) => eventId({ streamId, streamVersion: first + i }));
          span.setAttribute('jinlin.event.ids', ids);
          if (ids.length === 1) span.setAttribute(EVENT_ID, ids[0]);
          return result;
        }),
    );
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendToStream') return append;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The engine's hook around a page's apply: one span per event, each in its event's trace, all
 * covering the one apply of the page (a page mixes events of many commands, and a span has one
 * parent). They end together, failed together if the apply threw.
 */
export const traceApply: AroundApply = async (projection, events, apply) => {
  const spans = events.map((event) =>
    tracer.startSpan(
      `projection.apply ${projection.name}`,
      {
        attributes: {
          [EVENT_ID]: eventId(event),
          'jinlin.event.type': event.type,
          'jinlin.projection': projection.name,
          'jinlin.page.events': events.length,
        },
      },
      contextOfEvent(event),
    ),
  );
  try {
    await apply();
  } catch (error) {
    for (const span of spans) failed(span, error);
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
};
