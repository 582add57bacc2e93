import type { EntityManager } from 'typeorm';
import type { BuildingEvent, CommunityEvent, CompanyEvent } from '@jinlin/domain';
import type { StoredEvent } from '@jinlin/event-store';
import { exhaustive, type Projection } from '../engine/projection';

/** Buildings have their own read model (../buildings). */
type ReferenceEvent = CompanyEvent | Exclude<CommunityEvent, BuildingEvent>;

/** Companies and communities, with who manages each community now. */
export class ReferenceDataProjection implements Projection<ReferenceEvent> {
  readonly name = 'reference-data';
  readonly handles: readonly ReferenceEvent['type'][] = [
    'CompanyRegistered',
    'CommunityRegistered',
    'SlaPolicySet',
    'PropertyCompanyAppointed',
    'WorkingHoursSet',
  ];
  readonly tables = ['rm_companies', 'rm_communities'];

  async apply(events: readonly StoredEvent<ReferenceEvent>[], tx: EntityManager): Promise<void> {
    for (const e of events) await this.applyOne(e, tx);
  }

  private async applyOne(e: StoredEvent<ReferenceEvent>, tx: EntityManager): Promise<void> {
    const p = e.globalPosition;
    switch (e.type) {
      case 'CompanyRegistered': {
        const d = e.data;
        await tx.query(`INSERT INTO rm_companies (id, name, registered_at, position) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [
          d.companyId,
          d.name,
          d.registeredAt,
          p,
        ]);
        return;
      }
      case 'CommunityRegistered': {
        const d = e.data;
        await tx.query(
          `INSERT INTO rm_communities (id, name, subdistrict, neighbourhood, households, property_company_id, sla_policies, registered_at, position)
           VALUES ($1, $2, $3, $4, $5, $6, '{}', $7, $8) ON CONFLICT (id) DO NOTHING`,
          [d.communityId, d.name, d.subdistrict, d.neighbourhood, d.households, d.propertyCompanyId, d.registeredAt, p],
        );
        return;
      }
      case 'SlaPolicySet':
        await tx.query(
          `UPDATE rm_communities SET sla_policies = sla_policies || jsonb_build_object($2::text, $3::jsonb), position = $4
            WHERE id = $1 AND position < $4`,
          [e.data.communityId, e.data.category, JSON.stringify(e.data.policy), p],
        );
        return;
      case 'PropertyCompanyAppointed':
        await tx.query(`UPDATE rm_communities SET property_company_id = $2, position = $3 WHERE id = $1 AND position < $3`, [
          e.data.communityId,
          e.data.companyId,
          p,
        ]);
        return;
      case 'WorkingHoursSet':
        await tx.query(`UPDATE rm_communities SET working_hours = $2::jsonb, position = $3 WHERE id = $1 AND position < $3`, [
          e.data.communityId,
          JSON.stringify({ start: e.data.start, end: e.data.end }),
          p,
        ]);
        return;
      default:
        return exhaustive(e, undefined);
    }
  }
}
