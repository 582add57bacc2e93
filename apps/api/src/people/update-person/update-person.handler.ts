import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, mayManage, mustSeePerson, personDecider, personStream, type Person } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand, type CommandResult } from '../../commands/handle-command';
import { ERASED_NAME, PeopleDirectory } from '../people-directory';
import { PersonalDataStore } from '../personal-data/personal-data.store';
import { UpdatePersonCommand } from './update-person.command';

/**
 * Roles and communities are facts of the log (PersonRolesChanged); name and phone are personal data
 * and change only in their table. Everything is judged before anything is written; then the
 * event is appended and the profile written, so a refusal writes neither. If-Match is judged
 * against the person's stream version either way.
 */
@CommandHandler(UpdatePersonCommand)
export class UpdatePersonHandler implements ICommandHandler<UpdatePersonCommand> {
  constructor(
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
      if (profile.name === ERASED_NAME) throw new DomainError('RESERVED_NAME', ERASED_NAME);
    }
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== version) {
      throw new DomainError('VERSION_MISMATCH', ctx.expectedVersion, version);
    }
    const changesRoles = change.roles !== undefined || change.communities !== undefined;
    let result: CommandResult = { id: personId, version, position: await this.lastPosition(personId) };
    if (changesRoles) {
      const communities = change.communities ?? person.communities;
      // Looked up once, before anything is written (a retry after a lost race decides on them again).
      const lookups = await this.directory.lookups(actor, person.companyId, communities);
      const decide = (current: Person) => {
        const now = mustSeePerson(current, actor, scope);
        const data = { roles: change.roles ?? now.roles, communities: change.communities ?? now.communities, lookups };
        return { events: personDecider.decide({ type: 'ChangePersonRoles', data, metadata: { actor, now: ctx.now } }, current) };
      };
      decide(state); // a refusal here writes nothing
      result = await handleCommand(this.store, personStream(personId), personDecider, decide, { id: personId, ctx });
    }
    if (changesProfile) await this.personalData.changeProfile(personId, profile);
    return result;
  }

  private async lastPosition(personId: string): Promise<number> {
    const events = await this.store.readStream(personStream(personId));
    return events.length ? events[events.length - 1].globalPosition : 0;
  }
}
