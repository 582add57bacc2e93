import { Inject, Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  communityStream,
  decideHandover,
  handoverDecider,
  handoverStream,
  type CommunityEvent,
  type Handover,
  type Principal,
} from '@jinlin/domain';
import { aggregateStream, EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.token';
import { handleCommand } from '../../commands/handle-command';
import { AppointPropertyCompanyCommand } from '../appoint-property-company/appoint-property-company.command';
import { CompleteHandoverCommand } from './complete-handover.command';

const SYSTEM: Principal = { id: 'system:handover', roles: ['admin'], communities: [] };

/**
 * Completion is atomic with access (SPEC §5): before it answers, the incoming company is appointed
 * (every later ticket command of the outgoing staff decides on that, through the community guard),
 * and the read model that scopes ticket reads has applied it. The handover process appoints too
 * (a no-op by then) and moves the tickets; it finishes the job after a crash here.
 */
@CommandHandler(CompleteHandoverCommand)
export class CompleteHandoverHandler implements ICommandHandler<CompleteHandoverCommand> {
  private readonly log = new Logger('complete-handover');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly commands: CommandBus,
  ) {}

  async execute({ handoverId, ctx }: CompleteHandoverCommand) {
    const metadata = { actor: ctx.actor, now: ctx.now };
    const decide = (state: Handover) => ({ events: decideHandover({ type: 'CompleteHandover', data: {}, metadata }, state) });
    const stream = handoverStream(handoverId);
    const completed = await handleCommand(this.store, stream, handoverDecider, decide, { id: handoverId, ctx });
    const { state } = await aggregateStream(this.store, stream, handoverDecider);
    if (!state.exists || state.status !== 'completed' || !state.incomingCompanyId) return completed;
    await this.commands.execute(
      new AppointPropertyCompanyCommand(state.communityId, state.incomingCompanyId, handoverId, {
        actor: SYSTEM,
        now: ctx.now,
        correlationId: ctx.correlationId,
        causationId: `${stream}@${completed.version}`,
      }),
    );
    // The appointment may be the handover process's (it can get there first): wait for whichever was stored.
    const community = await this.store.readStream<CommunityEvent>(communityStream(state.communityId));
    const appointment = community.findLast((e) => e.type === 'PropertyCompanyAppointed' && e.data.handoverId === handoverId);
    const position = appointment?.globalPosition ?? 0;
    if (!(await this.engine.waitFor(position, this.config.projections.maxLagMs, ['reference-data']))) {
      this.log.warn(`handover ${handoverId}: reference-data did not apply the appointment within ${this.config.projections.maxLagMs} ms`);
    }
    return completed;
  }
}
