import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** The ticket as one mutable row: what a CRUD service keeps instead of an event stream. */
@Entity('tickets')
export class Ticket {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'community_id' }) communityId: string;
  @Column('text') category: string;
  @Column('text') title: string;
  @Column('text') description: string;
  /** A plain text or {building?, unit?, room?, area?, note?}, as the request gave it. */
  @Column('jsonb', { nullable: true }) location: string | Record<string, string> | null;
  @Column('text') channel: string;
  @Column('text') status: string;
  @Column('text', { name: 'reporter_id', nullable: true }) reporterId: string | null;
  @CreateDateColumn({ name: 'filed_at', type: 'timestamptz' }) filedAt: Date;
  @VersionColumn() version: number;
}

/** One row per change, written in the change's own transaction: the CRUD way to keep a history. */
@Entity('audit_entries')
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Index() @Column('uuid', { name: 'ticket_id' }) ticketId: string;
  @Column('text') action: string;
  @Column('text') actor: string;
  @Column('timestamptz') at: Date;
  @Column('jsonb') payload: unknown;
}
