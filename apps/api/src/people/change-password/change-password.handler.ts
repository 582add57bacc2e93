import { createHash } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, hasRole, mustSeePerson } from '@jinlin/domain';
import { hashPassword, verifyNothing, verifyPassword, weakPasswordRule } from '../passwords';
import { PeopleDirectory } from '../people-directory';
import { PersonalDataStore } from '../personal-data/personal-data.store';
import { ChangePasswordCommand } from './change-password.command';

/** SPEC §2.1: the person with their current password, an admin without it. Every other session ends. */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly directory: PeopleDirectory,
    private readonly personalData: PersonalDataStore,
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
    if (!row.username) throw new DomainError('WEAK_PASSWORD', 'this person has no username to sign in with');
    if (self && !hasRole(actor, 'admin')) {
      if (body.current === undefined) throw new DomainError('WRONG_CURRENT_PASSWORD');
      const ok = row.passwordHash ? await verifyPassword(row.passwordHash, body.current) : await verifyNothing(body.current);
      if (!ok) throw new DomainError('WRONG_CURRENT_PASSWORD');
    }
    const rule = weakPasswordRule(body.new, row.username);
    if (rule) throw new DomainError('WEAK_PASSWORD', rule);
    const keep = self && sessionToken ? createHash('sha256').update(sessionToken).digest('hex') : undefined;
    await this.personalData.setPasswordHash(personId, await hashPassword(body.new), keep);
  }
}
