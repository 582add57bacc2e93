import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, personStream, type Person } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { handleCommand } from '../../commands/handle-command';
import { PeopleDirectory } from '../people-directory';
import { PersonalDataStore } from '../personal-data/personal-data.store';
import { ErasePersonalDataCommand } from './erase-personal-data.command';

/**
 * PIPL deletion (SPEC §2.1): the name, phone, username and hash go, sessions end, and
 * PersonalDataErased is appended in the same step. The id stays in the log; names show [已删除].
 * Erasing twice is harmless: the second time appends nothing and still clears the row.
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: PeopleDirectory,
    private readonly personalData: PersonalDataStore,
  ) {}

  async execute({ personId, ctx }: ErasePersonalDataCommand) {
    const scope = await this.directory.scopeOf(ctx.actor);
    const decide = (state: Person) => ({
      events: personDecider.decide({ type: 'ErasePersonalData', data: { scope }, metadata: { actor: ctx.actor, now: ctx.now } }, state),
    });
    // Judged first, so a refusal (404, 403) touches nothing.
    decide((await this.directory.personState(personId)).state);
    return this.personalData.erase(personId, () =>
      handleCommand(this.store, personStream(personId), personDecider, decide, { id: personId, ctx }),
    );
  }
}
