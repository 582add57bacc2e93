import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, personDecider, personStream, type Person } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { hashPassword, weakPasswordRule } from '../passwords';
import { ERASED_NAME, PeopleDirectory } from '../people-directory';
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
    if (name === ERASED_NAME) throw new DomainError('RESERVED_NAME', ERASED_NAME);
    // Looked up before the row's transaction opens: a lookup inside it would wait for a second
    // connection of the same pool, and enough such requests at once would hold every connection.
    const lookups = await this.directory.lookups(ctx.actor, companyId, communities);
    const decide = (state: Person) => {
      const data = { personId: id, roles, communities, companyId, lookups };
      return { events: personDecider.decide({ type: 'RegisterPerson', data, metadata: { actor: ctx.actor, now: ctx.now } }, state) };
    };
    const append = () => handleCommand(this.store, personStream(id), personDecider, decide, { id, ctx });
    // A repeated Idempotency-Key answers as the first time: the row it wrote is already there.
    if (await this.replayable(ctx)) return append();
    // Judged before the (slow) hash and the row, so a refusal costs neither.
    decide((await this.directory.personState(id)).state);
    const passwordHash = password === undefined ? null : await hashPassword(password);
    try {
      return await this.personalData.create({ personId: id, name, phone, username, passwordHash }, append);
    } catch (error) {
      // A twin of this request (same key) won the row: its answer is ours.
      if (error instanceof DomainError && error.code === 'PERSON_EXISTS' && (await this.replayable(ctx))) return append();
      throw error;
    }
  }

  private async replayable(ctx: RegisterPersonCommand['ctx']): Promise<boolean> {
    return !!ctx.idempotency && !!(await this.store.findIdempotency(ctx.actor.id, ctx.idempotency.key));
  }
}
