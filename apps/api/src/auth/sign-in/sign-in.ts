import { Injectable, Logger } from '@nestjs/common';
import { KeyedTurns } from '../../commands/keyed-turns';
import { verifyNothing, verifyPassword } from '../../people/passwords';
import { PersonalDataStore } from '../../people/personal-data/personal-data.store';
import { lockedForSeconds } from '../lockout';
import { SignInFailures } from '../sign-in-failures';
import { Sessions, type Session } from '../sessions';
import { SignedInPeople, type SignedInPerson } from '../signed-in-person';

export type SignInOutcome =
  | Readonly<{ kind: 'signed-in'; person: SignedInPerson; secret: string; session: Session }>
  | Readonly<{ kind: 'refused' }>
  | Readonly<{ kind: 'locked'; retryAfterSeconds: number }>;

/** Housekeeping of ended sessions and old failures runs on a sign-in at most this often, per instance. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * SPEC §2.2 sign-in. Attempts for one username take turns in this process, so that parallel guesses
 * cannot all pass the lockout check before any failure is recorded (across instances, each may let
 * one more through: at most 5 + instances − 1 guesses per window). A locked username is answered
 * without verifying anything; an unknown one costs the same argon2 work as a known one.
 */
@Injectable()
export class SignIn {
  private readonly turns = new KeyedTurns();
  private lastSweepMs = 0;

  constructor(
    private readonly personalData: PersonalDataStore,
    private readonly people: SignedInPeople,
    private readonly failures: SignInFailures,
    private readonly sessions: Sessions,
  ) {}

  attempt(username: string, password: string): Promise<SignInOutcome> {
    // The clock is read when the turn comes, not when the attempt queued behind others.
    return this.turns.run(username.toLowerCase(), () => this.decide(username, password, new Date()));
  }

  private async decide(username: string, password: string, now: Date): Promise<SignInOutcome> {
    const retryAfterSeconds = lockedForSeconds(await this.failures.recent(username, now), now.getTime());
    if (retryAfterSeconds !== null) return { kind: 'locked', retryAfterSeconds };
    const person = await this.verified(username, password);
    if (!person) {
      await this.failures.record(username, now);
      return { kind: 'refused' };
    }
    await this.failures.clear(username);
    const { secret, session } = await this.sessions.open(person.id, now);
    this.sweepNowAndThen(now);
    return { kind: 'signed-in', person, secret, session };
  }

  /** The person whose password this is, if they may sign in: not erased, neither in pd_people nor in their stream. */
  private async verified(username: string, password: string): Promise<SignedInPerson | null> {
    const row = await this.personalData.byUsername(username);
    if (!row?.passwordHash || row.erasedAt) return verifyNothing(password).then(() => null);
    if (!(await verifyPassword(row.passwordHash, password))) return null;
    return this.people.find(row.personId, row.name);
  }

  private sweepNowAndThen(now: Date): void {
    if (now.getTime() - this.lastSweepMs < SWEEP_EVERY_MS) return;
    this.lastSweepMs = now.getTime();
    Promise.all([this.sessions.sweep(now), this.failures.sweep(now)]).catch((error: Error) =>
      new Logger('sign-in').warn(`housekeeping of sessions and failures failed: ${error.message}`),
    );
  }
}
