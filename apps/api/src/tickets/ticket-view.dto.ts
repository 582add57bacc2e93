import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATEGORY_CODES,
  CHANNELS,
  ESCALATION_LEVELS,
  FOLLOW_UP_METHODS,
  ROLES,
  TICKET_EVENT_TYPES,
  VISIBILITIES,
  WAITING_ON,
  type TicketStatus,
} from '@jinlin/domain';
import type { TicketView } from '@jinlin/projections';
import { describes } from '../http/api-docs';
import type { TicketPage } from './list-tickets/list-tickets.query';
import type { TicketTimeline, TimelineActor, TimelineEntry } from './ticket-timeline/ticket-timeline.query';

/**
 * The read models GET /tickets, GET /tickets/{id} and GET /tickets/{id}/timeline answer, as
 * OpenAPI schemas. `describes<…>(true)` below stops the build when a view and its DTO part ways.
 */

export const TICKET_STATUSES = [
  'open',
  'acknowledged',
  'in_progress',
  'waiting',
  'resolved',
  'closed',
  'withdrawn',
  'merged',
] as const satisfies readonly TicketStatus[];

export class TicketLocationDto {
  @ApiPropertyOptional({ description: 'building code', example: '3' }) building?: string;
  @ApiPropertyOptional({ description: 'unit code', example: '2' }) unit?: string;
  @ApiPropertyOptional({ description: 'room; not shown to neighbours', example: '1203' }) room?: string;
  @ApiPropertyOptional({ description: 'a public area', example: '3号楼电梯厅' }) area?: string;
  @ApiPropertyOptional({ description: 'free text; not shown to neighbours', example: '靠近单元门的那部电梯' }) note?: string;
}

export class TicketDeadlinesDto {
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2026-12-03T06:30:00.000Z' }) acknowledgeBy: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'pushed back by waits on the resident',
    example: '2026-12-03T10:00:00.000Z',
  })
  resolveBy: string | null;
}

export class SlaFlagsDto {
  @ApiProperty({ example: false }) acknowledge: boolean;
  @ApiProperty({ example: false }) resolve: boolean;
}

export class TicketRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 }) score: number;
  @ApiProperty({ type: String, nullable: true, example: '师傅来得很快，谢谢' }) comment: string | null;
}

type LastFollowUp = NonNullable<TicketView['followUps']['last']>;

export class LastFollowUpDto implements LastFollowUp {
  @ApiProperty({ enum: FOLLOW_UP_METHODS, example: 'phone' }) method: LastFollowUp['method'];
  @ApiProperty({ example: true }) reached: boolean;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5, example: 4 }) score: number | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-05T02:00:00.000Z' }) at: string;
  @ApiProperty({ example: 'manager-demo' }) byId: string;
}

export class FollowUpsDto {
  @ApiProperty({ example: 1 }) count: number;
  @ApiProperty({ type: LastFollowUpDto, nullable: true }) last: LastFollowUpDto | null;
}

export class TicketAttachmentDto {
  @ApiProperty({ format: 'uuid', example: '5b0f7a52-2c3e-4b8e-9a61-1f2d3c4b5a69' }) id: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'], example: 'image/jpeg' }) mime: string;
  @ApiProperty({ example: 1600 }) width: number;
  @ApiProperty({ example: 1200 }) height: number;
}

/**
 * A ticket as the caller may see it. A neighbour (a resident of the community, on a ticket shown
 * to the community, SPEC §4.7) gets only id, communityId, category, title, location (building,
 * unit, area), status, visibility, supportCount, filedAt and version, with reporterId and
 * assigneeId null and `view: "community"`: every other field is then absent.
 */
export class TicketViewDto {
  @ApiProperty({ format: 'uuid', example: '0b5c9f3e-8d2a-4f61-9c7e-3a1b2c4d5e6f' }) id: string;
  @ApiProperty({ example: 'qianpu-yili-west' }) communityId: string;
  @ApiPropertyOptional({ description: 'the managing company now', example: 'jiayuan-pm' }) companyId?: string;
  @ApiPropertyOptional({ description: 'the company that managed the community when it was filed', example: 'jiayuan-pm' })
  filedCompanyId?: string;
  @ApiProperty({ enum: CATEGORY_CODES, example: 'elevator' }) category: string;
  @ApiProperty({ example: '3号楼电梯停运' }) title: string;
  @ApiPropertyOptional({ example: '3号楼2单元电梯从早上开始停在一楼，老人上下楼不方便' }) description?: string;
  @ApiProperty({ type: TicketLocationDto, nullable: true }) location: TicketLocationDto | null;
  @ApiPropertyOptional({ enum: CHANNELS, example: 'app' }) channel?: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null when anonymous to the caller, or for a neighbour',
    example: 'resident-demo',
  })
  reporterId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the directory’s name; [已删除] once erased', example: '王阿姨' })
  reporterName?: string | null;
  @ApiPropertyOptional({ description: 'present when the reporter is hidden from the caller', example: '匿名居民' }) reporter?: string;
  @ApiProperty({ enum: TICKET_STATUSES, example: 'acknowledged' }) status: string;
  @ApiProperty({ type: String, nullable: true, example: 'staff-demo' }) assigneeId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '小陈' }) assigneeName?: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T01:30:00.000Z' }) filedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', example: '2026-12-03T01:42:00.000Z' })
  firstResponseAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', example: '2026-12-03T02:10:00.000Z' })
  firstActionAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', example: '2026-12-03T01:42:00.000Z' })
  acknowledgedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', example: null }) resolvedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', example: null }) closedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', example: null }) withdrawnAt?: string | null;
  @ApiPropertyOptional({ type: TicketDeadlinesDto }) deadlines?: TicketDeadlinesDto;
  @ApiPropertyOptional({ type: SlaFlagsDto }) slaBreached?: SlaFlagsDto;
  @ApiPropertyOptional({ type: SlaFlagsDto }) slaWarned?: SlaFlagsDto;
  @ApiPropertyOptional({ enum: WAITING_ON, nullable: true, example: null }) waitingOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', example: null }) waitingSince?: string | null;
  @ApiPropertyOptional({ description: 'finished waits on the resident, in seconds', example: 0 }) pausedSeconds?: number;
  @ApiPropertyOptional({ type: TicketRatingDto, nullable: true }) rating?: TicketRatingDto | null;
  @ApiPropertyOptional({ enum: ESCALATION_LEVELS, nullable: true, example: null }) escalationLevel?: string | null;
  @ApiPropertyOptional({ example: false }) anonymous?: boolean;
  @ApiProperty({ enum: VISIBILITIES, example: 'community' }) visibility: string;
  @ApiProperty({ example: 3 }) supportCount: number;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', example: null }) mergedIntoTicketId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', example: null }) mergedAt?: string | null;
  @ApiPropertyOptional({ type: FollowUpsDto }) followUps?: FollowUpsDto;
  @ApiProperty({ description: 'the stream version, also the ETag: send it as If-Match', example: 2 }) version: number;
  @ApiPropertyOptional({ enum: ['community'], description: 'present (and "community") on a neighbour’s partial view' }) view?: 'community';
  @ApiPropertyOptional({ type: [TicketAttachmentDto], description: 'GET /tickets/{id} only: the photos filed with it' })
  attachments?: TicketAttachmentDto[];
}
describes<
  TicketViewDto,
  TicketView & { reporterName: unknown; assigneeName: unknown; reporter?: string; view?: 'community'; attachments?: unknown }
>(true);

export class TicketPageDto {
  @ApiProperty({ type: [TicketViewDto] }) items: TicketViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page; null on the last', example: null })
  nextCursor: string | null;
}
describes<TicketPageDto, TicketPage>(true);

export class TimelineActorDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null for an anonymous reporter hidden from the caller',
    example: 'staff-demo',
  })
  id: string | null;
  @ApiProperty({ type: String, nullable: true, example: '小陈' }) name: string | null;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['staff'] }) roles: string[];
}
describes<TimelineActorDto, TimelineActor>(true);

export class TimelineEntryDto {
  @ApiProperty({ description: 'global position in the log', example: 1042 }) position: number;
  @ApiPropertyOptional({ description: 'absent for those who do not see internal comments', example: 2 }) version?: number;
  @ApiProperty({ enum: TICKET_EVENT_TYPES, description: 'the event type; `data` is that event’s', example: 'TicketAcknowledged' })
  type: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T01:42:00.000Z' }) at: string;
  @ApiProperty({ type: TimelineActorDto, nullable: true, description: 'null for the service’s own processes' })
  actor: TimelineActorDto | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the event’s data as recorded (ids of hidden reporters masked)',
    example: { ticketId: '0b5c9f3e-8d2a-4f61-9c7e-3a1b2c4d5e6f', message: '收到，已通知电梯维保' },
  })
  data: Record<string, unknown>;
  @ApiPropertyOptional({
    description: 'the event’s hash in the stream’s chain; absent where data was masked',
    example: 'b1946ac92492d2347c6235b4d2611184',
  })
  hash?: string;
}
describes<TimelineEntryDto, TimelineEntry>(true);

export class TicketTimelineDto {
  @ApiProperty({ format: 'uuid', example: '0b5c9f3e-8d2a-4f61-9c7e-3a1b2c4d5e6f' }) ticketId: string;
  @ApiProperty({ type: [TimelineEntryDto] }) events: TimelineEntryDto[];
  @ApiProperty({ enum: ['valid', 'broken'], description: 'whether the stream’s hash chain verifies', example: 'valid' }) chain: string;
}
describes<TicketTimelineDto, TicketTimeline>(true);
