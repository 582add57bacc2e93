import { createHash } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, hasRole, mustSeePerson } from '@jinlin/domain';
import { lockedForSeconds } from '../../auth/lockout';
import { SignInFailures } from '../../auth/sign-in-failures';
import { hashPassword, verifyNothing, verifyPassword, weakPasswordRule } from '../passwords';
import { PeopleDirectory } from '../people-directory';
import { PersonalDataStore } from '../personal-data/personal-data.store';
import { ChangePasswordCommand } from './change-password.command';

/** Too many wrong `current` passwords: the same lockout as sign-in's, for the same username. */
export class PasswordGuessesLocked extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('locked');
  }
}

/**
 * SPEC §2.1: the person with their current password (admins too, for their own), an admin
 * without it for someone else. A wrong `current` counts as a failed sign-in of the username, so
 * this is no way around the lockout. Every other session of the person ends.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly directory: PeopleDirectory,
    private readonly personalData: PersonalDataStore,
    private readonly failures: SignInFailures,
  ) {}

  async execute({ personId, body, actor, sessionToken }: ChangePasswordCommand): Promise<void> {
    const [state, scope, row] = await Promise.all([
      this.directory.person(personId),
      this.directory.scopeOf(actor),
      this.personalData.get(personId),
    ]);
    const person = mustSeePerson(state, actor, scope);
    const self = actor.id === person.id;
    if (!self && !hasRole(actor, 'admin')) throw new DomainError('ONLY_SELF_OR_ADMIN', 'change a password');
    if (person.erased || !row || row.erasedAt) throw new DomainError('PERSONAL_DATA_ERASED');
    if (!row.username) throw new DomainError('NO_USERNAME');
    if (self) {
      const now = new Date();
      const locked = lockedForSeconds(await this.failures.recent(row.username, now), now.getTime());
      if (locked !== null) throw new PasswordGuessesLocked(locked);
      if (body.current === undefined) throw new DomainError('WRONG_CURRENT_PASSWORD');
      const ok = row.passwordHash ? await verifyPassword(row.passwordHash, body.current) : await verifyNothing(body.current);
      if (!ok) {
        await this.failures.record(row.username, now);
        throw new DomainError('WRONG_CURRENT_PASSWORD');
      }
    }
    const rule = weakPasswordRule(body.new, row.username);
    if (rule) throw new DomainError('WEAK_PASSWORD', rule);
    const keep = self && sessionToken ? createHash('sha256').update(sessionToken).digest('hex') : undefined;
    await this.personalData.setPasswordHash(personId, await hashPassword(body.new), keep);
  }
}
