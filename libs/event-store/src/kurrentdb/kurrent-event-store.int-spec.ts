import { eventStoreContract } from '../testing/event-store.contract';
import { KurrentEventStore } from './kurrent-event-store';

/**
 * The same contract as PostgreSQL, against a real KurrentDB/EventStoreDB given by URL
 * (e.g. EVENTSTOREDB_URL="kurrentdb://127.0.0.1:2113?tls=false"; multi-stream append needs 25.1+).
 * This machine has no such server: without the URL the contract does not run, and the run says so.
 */
const url = process.env.EVENTSTOREDB_URL;

if (url) {
  // Larger than the server's default maximum append size (1 MiB): the whole batch must fail.
  eventStoreContract('KurrentEventStore', async (upcasters) => KurrentEventStore.connect(url, upcasters), {
    unstorable: { type: 'Oversized', data: { blob: 'x'.repeat(3 * 1024 * 1024) } },
  });
} else {
  describe('KurrentEventStore without a server', () => {
    beforeAll(() => {
      process.stderr.write('\n*** EVENTSTOREDB_URL is not set: the KurrentDB contract suite did NOT run. Set it to run it. ***\n\n');
    });

    it('when the server cannot be reached, ping rejects instead of hanging or pretending', async () => {
      const store = KurrentEventStore.connect('kurrentdb://127.0.0.1:1?tls=false&defaultDeadline=2000&maxDiscoverAttempts=1');
      try {
        await expect(store.ping()).rejects.toThrow();
      } finally {
        await store.close().catch(() => undefined); // it never connected: closing may fail, and the test is about ping
      }
    }, 20_000);
  });
}
