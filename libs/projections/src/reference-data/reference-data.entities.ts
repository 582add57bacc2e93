import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'rm_communities' })
export class CommunityRow {
  @PrimaryColumn('text') id: string;
  @Column('text') name: string;
  @Column('text') subdistrict: string;
  @Column('text') neighbourhood: string;
  @Column('integer', { nullable: true }) households: number | null;
  @Column('text', { name: 'property_company_id' }) propertyCompanyId: string;
  @Column('jsonb', { name: 'sla_policies' }) slaPolicies: Record<
    string,
    { acknowledgeWithinMinutes: number; resolveWithinMinutes: number }
  >;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
  @Column('bigint', { name: 'position' }) position: string;
}
