import { Column, Entity, PrimaryColumn } from 'typeorm';

const int = (name: string) => ({ name, default: 0 }) as const;
const ts = (name: string) => ({ name, nullable: true }) as const;

/** Counters a ticket adds to its filing day; the same columns in the per-ticket and daily tables. */
abstract class CounterColumns {
  @Column('integer', int('filed')) filed: number;
  @Column('integer', int('withdrawn')) withdrawn: number;
  @Column('integer', int('non_withdrawn')) nonWithdrawn: number;
  @Column('integer', int('responded_in_time')) respondedInTime: number;
  @Column('integer', int('closed')) closed: number;
  @Column('integer', int('rated')) rated: number;
  @Column('integer', int('rated_well')) ratedWell: number;
  @Column('integer', int('resolved_once')) resolvedOnce: number;
  @Column('integer', int('reopened')) reopened: number;
  @Column('integer', int('backlog')) backlog: number;
}

@Entity({ name: 'rm_ticket_metrics' })
export class TicketMetricRow extends CounterColumns {
  @PrimaryColumn('text') id: string;
  @Column('text', { name: 'community_id' }) communityId: string;
  @Column('text', { name: 'company_id' }) companyId: string;
  @Column('text') category: string;
  @Column('text') title: string;
  @Column('text') status: string;
  @Column('timestamptz', { name: 'filed_at' }) filedAt: Date;
  @Column('date', { name: 'filed_day' }) filedDay: string;
  @Column('timestamptz', { name: 'acknowledge_by' }) acknowledgeBy: Date;
  @Column('timestamptz', { name: 'resolve_by' }) resolveBy: Date;
  @Column('timestamptz', ts('first_response_at')) firstResponseAt: Date | null;
  @Column('timestamptz', ts('last_resolved_at')) lastResolvedAt: Date | null;
  @Column('timestamptz', ts('closed_at')) closedAt: Date | null;
  @Column('timestamptz', ts('withdrawn_at')) withdrawnAt: Date | null;
  @Column('boolean', { name: 'ever_resolved' }) everResolved: boolean;
  @Column('boolean', { name: 'ever_rejected' }) everRejected: boolean;
  @Column('smallint', { nullable: true }) rating: number | null;
  @Column('bigint', { name: 'first_response_ms', nullable: true }) firstResponseMs: string | null;
  @Column('smallint', { name: 'fr_bucket', nullable: true }) frBucket: number | null;
  @Column('bigint', { name: 'resolution_ms', nullable: true }) resolutionMs: string | null;
  @Column('smallint', { name: 'res_bucket', nullable: true }) resBucket: number | null;
  @Column('integer', { name: 'due_day', nullable: true }) dueDay: number | null;
  @Column('bigint') position: string;
}

@Entity({ name: 'rm_ticket_metrics_daily' })
export class TicketMetricsDailyRow extends CounterColumns {
  @PrimaryColumn('date') day: string;
  @PrimaryColumn('text', { name: 'community_id' }) communityId: string;
  @PrimaryColumn('text', { name: 'company_id' }) companyId: string;
  @PrimaryColumn('text') category: string;
}

/**
 * Kind 0: first-response buckets; 1: resolution buckets; 2: backlog by the day number of its deadline.
 * Kept per block of 8^level days; `day` is the block's first day.
 */
@Entity({ name: 'rm_ticket_metrics_hist' })
export class TicketMetricsHistRow {
  @PrimaryColumn('smallint') level: number;
  @PrimaryColumn('date') day: string;
  @PrimaryColumn('text', { name: 'community_id' }) communityId: string;
  @PrimaryColumn('text', { name: 'company_id' }) companyId: string;
  @PrimaryColumn('text') category: string;
  @PrimaryColumn('smallint') kind: number;
  @PrimaryColumn('integer') bucket: number;
  @Column('integer') n: number;
  /** No value in the bucket lies outside [lo, hi]; equal bounds make every value known. */
  @Column('bigint', { name: 'lo_ms', nullable: true }) loMs: string | null;
  @Column('bigint', { name: 'hi_ms', nullable: true }) hiMs: string | null;
}
