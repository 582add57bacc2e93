import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, personDecider, personStream, type Person } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { hashPassword, weakPasswordRule } from '../passwords';
import { PeopleDirectory } from '../people-directory';
import { PersonalDataStore } from '../personal-data/personal-data.store';
import { RegisterPersonCommand } from './register-person.command';

/**
 * The personal data goes to its table and the event (ids, roles, communities, company) to the log
 * in one step: the row's transaction commits only after the append, and a refusal writes neither.
 */
@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: PeopleDirectory,
    private readonly personalData: PersonalDataStore,
  ) {}

  async execute({ person, ctx }: RegisterPersonCommand) {
    const { id, name, roles, communities = [], companyId = null, phone = null, username = null, password } = person;
    if (password !== undefined) {
      if (!username) throw new DomainError('WEAK_PASSWORD', 'a password needs a username to sign in with');
      const rule = weakPasswordRule(password, username);
      if (rule) throw new DomainError('WEAK_PASSWORD', rule);
    }
    const decide = async (state: Person) => {
      const lookups = await this.directory.lookups(ctx.actor, companyId, communities);
      const data = { personId: id, roles, communities, companyId, lookups };
      return { events: personDecider.decide({ type: 'RegisterPerson', data, metadata: { actor: ctx.actor, now: ctx.now } }, state) };
    };
    const append = () => handleCommand(this.store, personStream(id), personDecider, decide, { id, ctx });
    // A repeated Idempotency-Key answers as the first time: the row it wrote is already there.
    if (ctx.idempotency && (await this.store.findIdempotency(ctx.actor.id, ctx.idempotency.key))) return append();
    // Judged before the (slow) hash and the row, so a refusal costs neither.
    await decide((await this.directory.personState(id)).state);
    const passwordHash = password === undefined ? null : await hashPassword(password);
    return this.personalData.create({ personId: id, name, phone, username, passwordHash }, append);
  }
}
