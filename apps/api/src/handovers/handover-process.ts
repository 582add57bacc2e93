import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { DataSource, EntityManager } from 'typeorm';
import { defectReports, handoverDecider, handoverStream, type HandoverCompleted, type Principal } from '@jinlin/domain';
import { aggregateStream, typedAs, type EventStore, type StoredEvent } from '@jinlin/event-store';
import type { Projection } from '@jinlin/projections';
import type { CommandContext } from '../commands/command-context';
import { AppointPropertyCompanyCommand } from './appoint-property-company/appoint-property-company.command';
import { FileDefectTicketCommand } from './file-defect-ticket/file-defect-ticket.command';
import { TransferTicketCommand } from './transfer-ticket/transfer-ticket.command';

const SYSTEM: Principal = { id: 'system:handover', roles: ['admin'], communities: [] };
const PAGE = 200;

export type WaitFor = (position: number, timeoutMs: number, projections: string[]) => Promise<boolean>;

/**
 * When a handover completes: appoint the incoming company, file each defect recorded at
 * facilities_inspection as a ticket of that company, then move every ticket of the community that
 * is not closed or withdrawn to it. It follows the stored log with its own checkpoint, which moves
 * only after the whole job; every step is idempotent (a defect's ticket id is derived from the
 * handover and the defect's place), so a crash half-way is finished by the next run without filing
 * or transferring anything twice. It decides nothing itself: it sends AppointPropertyCompany,
 * FileDefectTicket and TransferTicket through the CommandBus, like any other caller.
 */
export class HandoverProcess implements Projection {
  readonly name = 'handover-process';
  readonly handles = ['HandoverCompleted'];
  readonly tables = [];
  readonly transactional = false;
  /** Test seam: called after each transfer, may throw to simulate a crash. */
  afterTransfer: (count: number) => void = () => undefined;
  /** Test seam: called after each defect is filed, may throw to simulate a crash. */
  afterDefect: (count: number) => void = () => undefined;
  /** How long a pass waits for the tickets read model to reach the log's head before it gives up. */
  catchUpTimeoutMs = 60_000;
  private readonly log = new Logger('handover-process');

  constructor(
    private readonly commands: CommandBus,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly waitFor: WaitFor,
  ) {}

  async apply(events: readonly StoredEvent[], _db: EntityManager): Promise<void> {
    for (const event of typedAs<HandoverCompleted>(events)) await this.complete(event);
  }

  private async complete(event: StoredEvent<HandoverCompleted>): Promise<void> {
    const { communityId, incomingCompanyId, outgoingCompanyId, handoverId } = event.data;
    const ctx = (): CommandContext => ({
      actor: SYSTEM,
      now: new Date().toISOString(),
      correlationId: String(event.metadata.correlationId ?? handoverId),
      causationId: `${event.streamId}@${event.streamVersion}`,
    });
    await this.commands.execute(new AppointPropertyCompanyCommand(communityId, incomingCompanyId, handoverId, ctx()));
    const filed = await this.fileDefects(handoverId, communityId, ctx);
    // Twice: the second pass catches a ticket filed while the appointment was being written.
    let moved = 0;
    for (let pass = 0; pass < 2; pass++)
      moved += await this.transferPass(communityId, outgoingCompanyId, incomingCompanyId, handoverId, ctx);
    this.log.log(
      `handover ${handoverId}: ${communityId} now managed by ${incomingCompanyId}; ${filed} defects filed, ${moved} tickets transferred`,
    );
  }

  private async fileDefects(handoverId: string, communityId: string, ctx: () => CommandContext): Promise<number> {
    const { state } = await aggregateStream(this.store, handoverStream(handoverId), handoverDecider);
    if (!state.exists) return 0;
    let filed = 0;
    for (const defect of defectReports(state)) {
      const result = await this.commands.execute(new FileDefectTicketCommand(handoverId, communityId, defect, ctx()));
      if (result.position) filed += 1;
      this.afterDefect(filed);
    }
    return filed;
  }

  /**
   * Picks the tickets from rm_tickets, so that read model must first hold everything committed so
   * far. If it does not catch up in time, the pass fails: the job is retried before the checkpoint
   * moves, instead of leaving the tickets it could not see with the old company for good.
   */
  private async transferPass(
    communityId: string,
    from: string,
    to: string,
    handoverId: string,
    ctx: () => CommandContext,
  ): Promise<number> {
    const head = (await this.store.head()).position;
    if (!(await this.waitFor(head, this.catchUpTimeoutMs, ['tickets']))) {
      throw new Error(
        `handover ${handoverId}: the tickets read model did not reach position ${head} within ${this.catchUpTimeoutMs} ms; will retry`,
      );
    }
    let moved = 0;
    for (let after = ''; ;) {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM rm_tickets WHERE community_id = $1 AND company_id = $2 AND status NOT IN ('closed', 'withdrawn', 'merged') AND id > $3 ORDER BY id LIMIT $4`,
        [communityId, from, after, PAGE],
      );
      for (const { id } of rows) {
        const result = await this.commands.execute(new TransferTicketCommand(id, from, to, handoverId, ctx()));
        if (result.position) moved += 1;
        this.afterTransfer(moved);
      }
      if (rows.length < PAGE) return moved;
      after = rows[rows.length - 1].id;
    }
  }
}
