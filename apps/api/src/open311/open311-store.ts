import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type Open311Contact = Readonly<{ email?: string; firstName?: string; lastName?: string; phone?: string }>;
export type Open311Facts = Readonly<{ lat?: number; long?: number; mediaUrl?: string }>;
export type StoredFacts = Readonly<{ lat: number | null; long: number | null; mediaUrl: string | null }>;

/**
 * The two side tables of 1764300100000-open311.ts. Written after the ticket is filed, keyed by its
 * id and idempotent: a repeated request (same Idempotency-Key) answers the same ticket and writes
 * nothing new.
 */
@Injectable()
export class Open311Store {
  constructor(private readonly db: DataSource) {}

  async record(ticketId: string, personId: string | null, contact: Open311Contact, facts: Open311Facts): Promise<void> {
    if (Object.values(contact).some((v) => v !== undefined)) {
      await this.db.query(
        `INSERT INTO pd_open311_contacts (ticket_id, person_id, email, first_name, last_name, phone)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ticket_id) DO NOTHING`,
        [ticketId, personId, contact.email ?? null, contact.firstName ?? null, contact.lastName ?? null, contact.phone ?? null],
      );
    }
    if (Object.values(facts).some((v) => v !== undefined)) {
      await this.db.query(
        `INSERT INTO open311_request_facts (ticket_id, lat, long, media_url) VALUES ($1, $2, $3, $4) ON CONFLICT (ticket_id) DO NOTHING`,
        [ticketId, facts.lat ?? null, facts.long ?? null, facts.mediaUrl ?? null],
      );
    }
  }

  /** Nulls a request's contact details; false when the request carried none. */
  async eraseContact(ticketId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE pd_open311_contacts SET email = NULL, first_name = NULL, last_name = NULL, phone = NULL,
         erased_at = coalesce(erased_at, now()) WHERE ticket_id = $1`,
      [ticketId],
    );
    return count > 0;
  }

  async facts(ticketIds: readonly string[]): Promise<Map<string, StoredFacts>> {
    if (ticketIds.length === 0) return new Map();
    const rows: { ticket_id: string; lat: number | null; long: number | null; media_url: string | null }[] = await this.db.query(
      `SELECT ticket_id, lat, long, media_url FROM open311_request_facts WHERE ticket_id = ANY($1)`,
      [ticketIds],
    );
    return new Map(rows.map((r) => [r.ticket_id, { lat: r.lat, long: r.long, mediaUrl: r.media_url }]));
  }
}
