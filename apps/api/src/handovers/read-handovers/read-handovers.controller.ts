import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { canSeeHandover, handoverDecider, handoverStream, DomainError, hasRole, type HandoverEvent, type Principal } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { HandoverRow, handoverView } from '@jinlin/projections';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../tickets/read-your-writes';
import { HandoverIdPipe } from '../handover-commands.service';

const LIST_MAX = 200;
const LIST_PAGE = 200;

const asState = (row: HandoverRow) => ({
  exists: true as const,
  id: row.id,
  communityId: row.communityId,
  outgoingCompanyId: row.outgoingCompanyId,
  incomingCompanyId: row.incomingCompanyId,
  status: row.status as 'active',
  done: new Set<never>(),
  blockers: 0,
  openBlockers: new Set<number>(),
});

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class ReadHandoversController {
  constructor(
    private readonly db: DataSource,
    private readonly ryw: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'handovers the caller may see, newest first' })
  @ApiQuery({ name: 'communityId', required: false })
  async list(
    @CurrentUser() user: Principal,
    @Query('communityId') communityId: string | undefined,
    @Query('minPosition') minPosition: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(minPosition, reply, ['handovers']);
    // The domain's rule decides what the caller may see, so rows are read a page at a time until
    // LIST_MAX visible ones are found: a fixed window of the newest would hide a committee's own
    // handovers behind many newer ones elsewhere.
    const visible: HandoverRow[] = [];
    for (let after: HandoverRow | undefined; visible.length < LIST_MAX;) {
      const qb = this.db
        .getRepository(HandoverRow)
        .createQueryBuilder('h')
        .orderBy('h.started_at', 'DESC')
        .addOrderBy('h.id', 'DESC')
        .limit(LIST_PAGE);
      if (communityId) qb.andWhere('h.community_id = :communityId', { communityId });
      if (after) qb.andWhere('(h.started_at, h.id) < (:startedAt, :id)', { startedAt: after.startedAt, id: after.id });
      const rows = await qb.getMany();
      visible.push(...rows.filter((r) => canSeeHandover(user, asState(r))));
      if (rows.length < LIST_PAGE) break;
      after = rows[rows.length - 1];
    }
    const now = new Date();
    return { items: visible.slice(0, LIST_MAX).map((r) => handoverView(r, now)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'progress: steps with who/when/note, percent done, days elapsed, open blockers' })
  async get(
    @Param('id', HandoverIdPipe) id: string,
    @CurrentUser() user: Principal,
    @Query('minPosition') minPosition: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(minPosition, reply, ['handovers']);
    const row = await this.db.getRepository(HandoverRow).findOneBy({ id });
    if (!row || !canSeeHandover(user, asState(row))) throw new DomainError('HANDOVER_NOT_FOUND');
    void reply.header('etag', `"${row.version}"`);
    return handoverView(row, new Date());
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'every event of the handover, in order, with the hash-chain verdict' })
  async timeline(@Param('id', HandoverIdPipe) id: string, @CurrentUser() user: Principal) {
    const events = await this.store.readStream(handoverStream(id));
    const state = events.reduce((s, e) => handoverDecider.evolve(s, e as unknown as HandoverEvent), handoverDecider.initialState());
    if (!state.exists || (!canSeeHandover(user, state) && !hasRole(user, 'admin'))) throw new DomainError('HANDOVER_NOT_FOUND');
    const verdict = await this.store.verifyStream(handoverStream(id));
    return {
      handoverId: id,
      events: events.map((e) => ({
        position: e.globalPosition,
        version: e.streamVersion,
        type: e.type,
        at: e.recordedAt.toISOString(),
        actor: e.metadata.actor ?? null,
        data: e.data,
      })),
      chain: verdict.valid ? 'valid' : 'broken',
    };
  }
}
