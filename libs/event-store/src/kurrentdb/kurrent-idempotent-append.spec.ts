import { KurrentDBClient, type AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import type { EventMetadata } from '../event-store.port';
import { KurrentEventStore, verifyEvents } from './kurrent-event-store';
import { toStored } from './kurrent-records';

type Sent = { streamName: string; events: { id: string; type: string; data: unknown; metadata: unknown }[] }[];

/**
 * The client is a boundary we do not own. Here its real multiStreamAppend runs (with its own check
 * of the records) over a transport that records the request instead of calling a server. What the
 * server hands back on a read is not exercised: kurrent-event-store.int-spec.ts does that when
 * EVENTSTOREDB_URL is set.
 */
function recordingClient(sent: Sent[]): KurrentDBClient {
  const transport = {
    supports: async () => true,
    execute: async () => ({ position: 42n, responses: [] }),
  };
  return {
    // A stream that does not exist yet.
    async *readStream() {},
    multiStreamAppend(requests: Sent) {
      sent.push(requests);
      return KurrentDBClient.prototype.multiStreamAppend.call(transport as unknown as KurrentDBClient, requests as never);
    },
  } as unknown as KurrentDBClient;
}

it('an append with an idempotency key passes the client’s own check of its records, and its metadata and hash read back whole', async () => {
  const sent: Sent[] = [];
  const store = new KurrentEventStore(recordingClient(sent));
  const metadata: EventMetadata = { actor: { id: 'res-a', roles: ['resident'] }, correlationId: 'corr-1' } as EventMetadata;
  const result = await store.appendToStream('ticket-1', [{ type: 'TicketFiled', data: { ticketId: '1', title: '楼道灯坏了' }, metadata }], {
    expected: 'no_stream',
    idempotency: { scope: 'POST /tickets', key: 'key-1', requestHash: 'h', response: { id: '1' } },
  });
  expect(result.lastPosition).toBe(42);

  const [events, key] = sent[0];
  expect(key.events[0].type).toBe('JinlinIdempotencyKeyRecorded');
  const record = events.events[0];
  const back = toStored({
    event: {
      streamId: 'ticket-1',
      revision: 0n,
      type: record.type,
      data: record.data,
      metadata: record.metadata,
      created: new Date(),
      position: { commit: 42n, prepare: 42n },
    },
    commitPosition: 42n,
  } as unknown as AllStreamResolvedEvent);
  expect(back.metadata).toEqual(metadata);
  expect(verifyEvents('ticket-1', [back])).toEqual({ valid: true, events: 1 });
});

it('an append of nothing writes nothing, or only its idempotency key when it has one', async () => {
  const sent: Sent[] = [];
  const store = new KurrentEventStore(recordingClient(sent));
  expect(await store.appendToStream('community-q', [], { expected: 'any' })).toMatchObject({ nextVersion: 0, positions: [] });
  expect(sent).toEqual([]);
  const keyed = await store.appendToStream('community-q', [], {
    expected: 'any',
    idempotency: { scope: 's', key: 'k', requestHash: 'h', response: {} },
  });
  expect(keyed).toMatchObject({ nextVersion: 0, positions: [] });
  expect(sent.map((requests) => requests.map((r) => r.events.map((e) => e.type)))).toEqual([[['JinlinIdempotencyKeyRecorded']]]);
});
