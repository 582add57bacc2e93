import type { EntityManager } from 'typeorm';
import { BUILDING_EVENT_TYPES, type BuildingEvent } from '@jinlin/domain';
import type { StoredEvent } from '@jinlin/event-store';
import { exhaustive, type Projection } from '../engine/projection';

export const BUILDINGS_PROJECTION = 'buildings';

/** Each community's buildings and their units (SPEC §3), as the last PUT left them. */
export class BuildingsProjection implements Projection<BuildingEvent> {
  readonly name = BUILDINGS_PROJECTION;
  readonly handles = BUILDING_EVENT_TYPES;
  readonly tables = ['rm_buildings'];

  async apply(events: readonly StoredEvent<BuildingEvent>[], tx: EntityManager): Promise<void> {
    for (const e of events) await this.applyOne(e, tx);
  }

  private async applyOne(e: StoredEvent<BuildingEvent>, tx: EntityManager): Promise<void> {
    const d = e.data;
    switch (e.type) {
      case 'BuildingRegistered':
      case 'BuildingChanged': {
        const at = e.type === 'BuildingRegistered' ? e.data.registeredAt : e.data.changedAt;
        await tx.query(
          `INSERT INTO rm_buildings (community_id, code, name, units, registered_at, changed_at, position)
           VALUES ($1, $2, $3, $4::jsonb, $5, $5, $6)
           ON CONFLICT (community_id, code) DO UPDATE SET name = excluded.name, units = excluded.units,
             changed_at = excluded.changed_at, position = excluded.position
           WHERE rm_buildings.position < excluded.position`,
          [d.communityId, d.building, d.name, JSON.stringify(d.units), at, e.globalPosition],
        );
        return;
      }
      default:
        return exhaustive(e, undefined);
    }
  }
}
