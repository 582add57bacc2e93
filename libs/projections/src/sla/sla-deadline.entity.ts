import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DEADLINE_KINDS = ['acknowledge', 'resolve', 'auto_close'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** One row per ticket and deadline: when it falls due and whether anything is still owed. */
@Entity({ name: 'rm_sla_deadlines' })
export class SlaDeadlineRow {
  @PrimaryColumn('text', { name: 'ticket_id' }) ticketId: string;
  @PrimaryColumn('text') kind: DeadlineKind;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('boolean') done: boolean;
  /** Kept so a reopened ticket does not re-arm a resolve deadline that was already breached. */
  @Column('boolean') breached: boolean;
  @Column('bigint') position: string;
}
