import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TicketLocation, WaitingOn } from '@jinlin/domain';
import type { LastFollowUp } from './ticket-row';

const ts = (name: string) => ({ name, nullable: true }) as const;

/** One row per ticket: its current state and every timestamp the dashboards and lists need. */
@Entity({ name: 'rm_tickets' })
export class TicketRow {
  @PrimaryColumn('text') id: string;
  @Column('text', { name: 'community_id' }) communityId: string;
  @Column('text', { name: 'company_id' }) companyId: string;
  @Column('text', { name: 'filed_company_id' }) filedCompanyId: string;
  @Column('text') category: string;
  @Column('text') title: string;
  @Column('text') description: string;
  @Column('jsonb', { nullable: true }) location: TicketLocation | null;
  @Column('text', { nullable: true }) building: string | null;
  @Column('text') channel: string;
  @Column('text', { name: 'reporter_id', nullable: true }) reporterId: string | null;
  @Column('text') status: string;
  @Column('text', { name: 'assignee_id', nullable: true }) assigneeId: string | null;
  @Column('timestamptz', { name: 'filed_at' }) filedAt: Date;
  @Column('timestamptz', ts('first_response_at')) firstResponseAt: Date | null;
  @Column('timestamptz', ts('first_action_at')) firstActionAt: Date | null;
  @Column('timestamptz', ts('acknowledged_at')) acknowledgedAt: Date | null;
  @Column('timestamptz', ts('resolved_at')) resolvedAt: Date | null;
  @Column('timestamptz', ts('closed_at')) closedAt: Date | null;
  @Column('timestamptz', ts('withdrawn_at')) withdrawnAt: Date | null;
  @Column('timestamptz', { name: 'acknowledge_by' }) acknowledgeBy: Date;
  @Column('timestamptz', { name: 'resolve_by' }) resolveBy: Date;
  @Column('smallint', { nullable: true }) rating: number | null;
  @Column('text', { name: 'rating_comment', nullable: true }) ratingComment: string | null;
  @Column('text', { name: 'escalation_level', nullable: true }) escalationLevel: string | null;
  @Column('integer', { name: 'action_count' }) actionCount: number;
  @Column('integer', { name: 'reject_count' }) rejectCount: number;
  @Column('integer', { name: 'follow_up_count', default: 0 }) followUpCount: number;
  @Column('jsonb', { name: 'last_follow_up', nullable: true }) lastFollowUp: LastFollowUp | null;
  @Column('boolean', { name: 'acknowledge_breached' }) acknowledgeBreached: boolean;
  @Column('boolean', { name: 'resolve_breached' }) resolveBreached: boolean;
  @Column('boolean', { name: 'acknowledge_warned' }) acknowledgeWarned: boolean;
  @Column('boolean', { name: 'resolve_warned' }) resolveWarned: boolean;
  @Column('text', { name: 'waiting_on', nullable: true }) waitingOn: WaitingOn | null;
  @Column('timestamptz', ts('waiting_since')) waitingSince: Date | null;
  @Column('integer', { name: 'paused_seconds' }) pausedSeconds: number;
  @Column('integer') version: number;
  @Column('bigint') position: string;
  @Column('boolean') anonymous: boolean;
  @Column('text') visibility: string;
  @Column('integer', { name: 'support_count' }) supportCount: number;
  @Column('text', { name: 'merged_into', nullable: true }) mergedInto: string | null;
  @Column('timestamptz', ts('merged_at')) mergedAt: Date | null;
}
