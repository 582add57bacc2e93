export type Outcome<R> = Readonly<{ ok: true; value: R }> | Readonly<{ ok: false; error: unknown }>;

type Waiting<I, R> = { item: I; resolve: (value: R) => void; reject: (error: unknown) => void };

/**
 * Group commit: at most `maxInFlight` batches are sent at a time, and whatever arrives while they
 * are in flight leaves together in the next one. A quiet moment therefore adds no wait (an item
 * alone leaves at once); a busy one costs one round trip and one commit per batch, not per item.
 * `send` settles each item of a batch on its own.
 */
export class GroupCommit<I, R> {
  private readonly queue: Waiting<I, R>[] = [];
  private inFlight = 0;

  constructor(
    private readonly send: (items: readonly I[]) => Promise<readonly Outcome<R>[]>,
    private readonly maxInFlight: number,
    private readonly maxItems: number,
  ) {
    if (!(maxInFlight >= 1 && maxItems >= 1)) throw new RangeError('group commit needs at least one batch of one item');
  }

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxItems);
      this.inFlight++;
      this.sendNow(batch.map((w) => w.item))
        .then(
          (outcomes) =>
            batch.forEach((w, i) => {
              const outcome = outcomes[i];
              if (!outcome) w.reject(new Error('group commit: no outcome for an item of the batch'));
              else if (outcome.ok) w.resolve(outcome.value);
              else w.reject(outcome.error);
            }),
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        )
        .catch((error: unknown) => batch.forEach((w) => w.reject(error))) // a throwing settle callback: settling twice is a no-op
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }

  /** send, with an error it throws at once turned into a failed batch: every item must settle. */
  private sendNow(items: readonly I[]): Promise<readonly Outcome<R>[]> {
    try {
      return this.send(items);
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
