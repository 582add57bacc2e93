import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredSlaPolicy, WorkingHours } from '@jinlin/domain';

@Entity({ name: 'rm_communities' })
export class CommunityRow {
  @PrimaryColumn('text') id: string;
  @Column('text') name: string;
  @Column('text') subdistrict: string;
  @Column('text') neighbourhood: string;
  @Column('integer', { nullable: true }) households: number | null;
  @Column('text', { name: 'property_company_id' }) propertyCompanyId: string;
  /** As each SlaPolicySet carried it: events before SPEC §4.9 have the minutes only. */
  @Column('jsonb', { name: 'sla_policies' }) slaPolicies: Record<string, StoredSlaPolicy>;
  /** Null until WorkingHoursSet: the default hours. */
  @Column('jsonb', { name: 'working_hours', nullable: true }) workingHours: WorkingHours | null;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
  @Column('bigint', { name: 'position' }) position: string;
}
