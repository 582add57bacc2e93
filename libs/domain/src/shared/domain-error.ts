/**
 * How the outside world should read a refusal. The HTTP layer maps kinds to statuses in one place;
 * the domain only names what went wrong.
 */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'precondition_failed' | 'unprocessable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A business rule that the current state does not allow (409). */
export class RuleBroken extends DomainError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
  }
}

export class NotFound extends DomainError {
  constructor(code: string, message: string) {
    super('not_found', code, message);
  }
}

export class Forbidden extends DomainError {
  constructor(code: string, message: string) {
    super('forbidden', code, message);
  }
}

export class Invalid extends DomainError {
  constructor(code: string, message: string) {
    super('invalid', code, message);
  }
}
