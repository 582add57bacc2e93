import { Column, Entity, PrimaryColumn } from 'typeorm';

export type StepRecord = Readonly<{
  note: string;
  completedAt: string;
  by: { id: string; roles: string[] };
  method?: string;
  incomingCompanyId?: string;
  defects?: string[];
}>;
export type PlanRecord = Readonly<{ ownerId: string; due: string; plannedAt: string; by: { id: string; roles: string[] } }>;
export type BlockerRecord = Readonly<{
  n: number;
  text: string;
  raisedAt: string;
  by: { id: string; roles: string[] };
  resolvedAt: string | null;
  note: string | null;
}>;

@Entity({ name: 'rm_handovers' })
export class HandoverRow {
  @PrimaryColumn('text') id: string;
  @Column('text', { name: 'community_id' }) communityId: string;
  @Column('text', { name: 'outgoing_company_id' }) outgoingCompanyId: string;
  @Column('text', { name: 'incoming_company_id', nullable: true }) incomingCompanyId: string | null;
  @Column('text') reason: string;
  @Column('text') status: string;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  @Column('jsonb') steps: Record<string, StepRecord>;
  @Column('jsonb') blockers: BlockerRecord[];
  /** Step → its owner and due date, the latest plan of each. */
  @Column('jsonb') plans: Record<string, PlanRecord>;
  @Column('integer') version: number;
  @Column('bigint') position: string;
}
