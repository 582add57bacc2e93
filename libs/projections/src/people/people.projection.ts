import type { EntityManager } from 'typeorm';
import type { PersonEvent } from '@jinlin/domain';
import type { StoredEvent } from '@jinlin/event-store';
import { exhaustive, type Projection } from '../engine/projection';

/**
 * The people directory as the log knows it: ids, roles, communities, company. Names and phone
 * numbers are not here (they are not in the log): readers join the personal-data table.
 */
export class PeopleProjection implements Projection<PersonEvent> {
  readonly name = 'people';
  readonly handles: readonly PersonEvent['type'][] = ['PersonRegistered', 'PersonRolesChanged', 'PersonalDataErased'];
  readonly tables = ['rm_people'];

  async apply(events: readonly StoredEvent<PersonEvent>[], tx: EntityManager): Promise<void> {
    for (const e of events) await this.applyOne(e, tx);
  }

  private async applyOne(e: StoredEvent<PersonEvent>, tx: EntityManager): Promise<void> {
    const p = e.globalPosition;
    switch (e.type) {
      case 'PersonRegistered': {
        const d = e.data;
        await tx.query(
          `INSERT INTO rm_people (id, roles, communities, company_id, registered_at, position)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
          [d.personId, d.roles, d.communities, d.companyId, d.registeredAt, p],
        );
        return;
      }
      case 'PersonRolesChanged':
        await tx.query(`UPDATE rm_people SET roles = $2, communities = $3, position = $4 WHERE id = $1 AND position < $4`, [
          e.data.personId,
          e.data.roles,
          e.data.communities,
          p,
        ]);
        return;
      case 'PersonalDataErased':
        await tx.query(`UPDATE rm_people SET erased = true, position = $2 WHERE id = $1 AND position < $2`, [e.data.personId, p]);
        return;
      default:
        return exhaustive(e, undefined);
    }
  }
}
