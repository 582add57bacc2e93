import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HANDOVER_STEPS, ROLES } from '@jinlin/domain';
import { CommandResultDto } from '../commands/command-result.dto';
import { describes } from '../http/api-docs';
import type { BlockerRaised } from './raise-blocker/raise-blocker.command';
import type { HandoverTimeline } from './handover-timeline/handover-timeline.query';
import type { HandoverView } from './list-handovers/list-handovers.query';

/** The handover read models as OpenAPI schemas; `describes` stops the build when they part ways. */
export class ActorRefDto {
  @ApiProperty({ example: 'committee-demo' }) id: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['committee'] }) roles: string[];
}

export class StepOwnerDto {
  @ApiProperty({ example: 'secretary-demo' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: '党支部 黄书记' }) name: string | null;
}

/** One step of the checklist: done ones carry who, when and the note. */
export class HandoverStepDto {
  @ApiProperty({ enum: HANDOVER_STEPS, example: 'archives' }) step: string;
  @ApiProperty({ example: true }) done: boolean;
  @ApiProperty({ type: StepOwnerDto, nullable: true, description: 'who was given the step (plan)' }) owner: StepOwnerDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2026-12-20' }) due: string | null;
  @ApiProperty({ example: false }) overdue: boolean;
  @ApiPropertyOptional({ example: '图纸、业主名册、设备台账已移交' }) note?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-03T03:00:00.000Z' }) completedAt?: string;
  @ApiPropertyOptional({ type: ActorRefDto }) by?: ActorRefDto;
  @ApiPropertyOptional({ example: 'public_bidding' }) method?: string;
  @ApiPropertyOptional({ example: 'haiyue-pm' }) incomingCompanyId?: string;
  @ApiPropertyOptional({ type: [String], example: ['2号楼消防栓缺水带'] }) defects?: string[];
}

export class HandoverBlockerDto {
  @ApiProperty({ example: 1 }) n: number;
  @ApiProperty({ example: '原物业拒交3号楼电梯维保记录' }) text: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-02T02:00:00.000Z' }) raisedAt: string;
  @ApiProperty({ type: ActorRefDto }) by: ActorRefDto;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null }) resolvedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) note: string | null;
}

export class HandoverViewDto {
  @ApiProperty({ format: 'uuid', example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }) id: string;
  @ApiProperty({ example: 'qianpu-yili-west' }) communityId: string;
  @ApiProperty({ example: 'jiayuan-pm' }) outgoingCompanyId: string;
  @ApiProperty({ type: String, nullable: true, example: 'haiyue-pm' }) incomingCompanyId: string | null;
  @ApiProperty({ example: '合同到期，业主大会决定重新选聘' }) reason: string;
  @ApiProperty({ enum: ['active', 'completed', 'cancelled'], example: 'active' }) status: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T02:00:00.000Z' }) startedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null }) finishedAt: string | null;
  @ApiProperty({ example: 13 }) daysElapsed: number;
  @ApiProperty({ minimum: 0, maximum: 100, example: 40 }) percentDone: number;
  @ApiProperty({ example: 1 }) overdueSteps: number;
  @ApiProperty({ type: [HandoverStepDto] }) steps: HandoverStepDto[];
  @ApiProperty({ type: [HandoverBlockerDto] }) openBlockers: HandoverBlockerDto[];
  @ApiProperty({ type: [HandoverBlockerDto] }) blockers: HandoverBlockerDto[];
  @ApiProperty({ description: 'the stream version, also the ETag: send it as If-Match', example: 6 }) version: number;
}
describes<HandoverViewDto, HandoverView>(true);
describes<
  HandoverStepDto,
  HandoverView['steps'][number] & {
    note?: unknown;
    completedAt?: unknown;
    by?: unknown;
    method?: unknown;
    incomingCompanyId?: unknown;
    defects?: unknown;
  }
>(true);
describes<HandoverBlockerDto, HandoverView['blockers'][number]>(true);

export class HandoverListDto {
  @ApiProperty({ type: [HandoverViewDto] }) items: HandoverViewDto[];
}

export class HandoverEventDto {
  @ApiProperty({ example: 2051 }) position: number;
  @ApiProperty({ example: 3 }) version: number;
  @ApiProperty({ example: 'HandoverStepCompleted' }) type: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T03:00:00.000Z' }) at: string;
  @ApiProperty({ type: ActorRefDto, nullable: true }) actor: ActorRefDto | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { step: 'archives', note: '图纸、业主名册、设备台账已移交' } })
  data: Record<string, unknown>;
}
describes<HandoverEventDto, HandoverTimeline['events'][number]>(true);

export class HandoverTimelineDto {
  @ApiProperty({ format: 'uuid', example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }) handoverId: string;
  @ApiProperty({ type: [HandoverEventDto] }) events: HandoverEventDto[];
  @ApiProperty({ enum: ['valid', 'broken'], example: 'valid' }) chain: string;
}
describes<HandoverTimelineDto, HandoverTimeline>(true);

export class BlockerRaisedDto extends CommandResultDto {
  @ApiPropertyOptional({ description: 'the blocker’s number, from 1 per handover; absent on a replayed Idempotency-Key', example: 2 })
  n?: number;
}
describes<BlockerRaisedDto, BlockerRaised>(true);
