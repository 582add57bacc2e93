import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError, mayManage, mustSeePerson, personDecider, personStream, type Person } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand, type CommandResult } from '../../commands/handle-command';
import { PeopleDirectory } from '../people-directory';
import { PersonalDataStore } from '../personal-data/personal-data.store';
import { UpdatePersonCommand } from './update-person.command';

/**
 * Roles and communities are facts of the log (PersonRolesChanged); name and phone are personal data
 * and change only in their table. A request with both writes both or neither.
 */
@CommandHandler(UpdatePersonCommand)
export class UpdatePersonHandler implements ICommandHandler<UpdatePersonCommand> {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: PeopleDirectory,
    private readonly personalData: PersonalDataStore,
  ) {}

  async execute({ personId, change, ctx }: UpdatePersonCommand): Promise<CommandResult> {
    const { actor } = ctx;
    const [{ state, version }, scope] = await Promise.all([this.directory.personState(personId), this.directory.scopeOf(actor)]);
    const person = mustSeePerson(state, actor, scope);
    const profile = { name: change.name, phone: change.phone };
    const changesProfile = profile.name !== undefined || profile.phone !== undefined;
    if (changesProfile) {
      if (person.erased) throw new DomainError('PERSONAL_DATA_ERASED');
      if (actor.id !== person.id && mayManage(actor, person, scope) !== true) {
        throw new DomainError('PEOPLE_NOT_ALLOWED', 'a name or phone is changed by the person or by whoever may register them');
      }
    }
    const changesRoles = change.roles !== undefined || change.communities !== undefined;
    const decide = async (current: Person) => {
      const now = mustSeePerson(current, actor, scope);
      const roles = change.roles ?? now.roles;
      const communities = change.communities ?? now.communities;
      const lookups = await this.directory.lookups(actor, now.companyId, communities);
      const command = { type: 'ChangePersonRoles' as const, data: { roles, communities, lookups }, metadata: { actor, now: ctx.now } };
      return { events: personDecider.decide(command, current) };
    };
    if (!changesRoles) {
      await this.personalData.changeProfile(personId, profile);
      return { id: personId, version, position: await this.lastPosition(personId) };
    }
    return this.db.transaction(async (tx) => {
      await this.personalData.changeProfile(personId, profile, tx);
      return handleCommand(this.store, personStream(personId), personDecider, decide, { id: personId, ctx });
    });
  }

  private async lastPosition(personId: string): Promise<number> {
    const events = await this.store.readStream(personStream(personId));
    return events.length ? events[events.length - 1].globalPosition : 0;
  }
}
