import type { ExpectedVersion } from './event-store.port';

export class WrongExpectedVersion extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** Another request with the same idempotency key committed first. */
export class IdempotencyKeyTaken extends Error {
  readonly code = 'IDEMPOTENCY_KEY_TAKEN';
  constructor(
    readonly scope: string,
    readonly key: string,
  ) {
    super(`idempotency key ${key} was already used`);
    this.name = 'IdempotencyKeyTaken';
  }
}

/** The append's guard stream moved since the caller read it: re-read it and decide again. */
export class GuardStreamChanged extends Error {
  readonly code = 'GUARD_STREAM_CHANGED';
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, the decision was made at ${expected}`);
    this.name = 'GuardStreamChanged';
  }
}
