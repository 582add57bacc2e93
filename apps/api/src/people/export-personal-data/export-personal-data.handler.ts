import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError, hasRole, mustSeePerson } from '@jinlin/domain';
import { PeopleDirectory } from '../people-directory';
import { PersonalDataStore } from '../personal-data/personal-data.store';
import { ExportPersonalDataQuery, type PersonalDataExport } from './export-personal-data.query';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** PIPL right of access (SPEC §2.1): everything held about the person, for the person or an admin. */
@QueryHandler(ExportPersonalDataQuery)
export class ExportPersonalDataHandler implements IQueryHandler<ExportPersonalDataQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly directory: PeopleDirectory,
    private readonly personalData: PersonalDataStore,
  ) {}

  async execute({ personId, actor }: ExportPersonalDataQuery): Promise<PersonalDataExport> {
    const [state, scope] = await Promise.all([this.directory.person(personId), this.directory.scopeOf(actor)]);
    const person = mustSeePerson(state, actor, scope);
    if (actor.id !== person.id && !hasRole(actor, 'admin')) throw new DomainError('ONLY_SELF_OR_ADMIN', 'read all personal data');
    const [row, sessions, tickets, contacts] = await Promise.all([
      this.personalData.get(personId),
      this.db.query(
        `SELECT created_at, expires_at, revoked_at FROM auth_sessions WHERE person_id = $1 ORDER BY created_at DESC LIMIT 100`,
        [personId],
      ) as Promise<{ created_at: Date; expires_at: Date; revoked_at: Date | null }[]>,
      this.db.query(
        `SELECT id, community_id, category, title, description, location, status, filed_at, rating, rating_comment
           FROM rm_tickets WHERE reporter_id = $1 ORDER BY filed_at DESC`,
        [personId],
      ) as Promise<Record<string, never>[]>,
      this.db.query(
        `SELECT ticket_id, email, first_name, last_name, phone, created_at FROM pd_open311_contacts
          WHERE person_id = $1 AND erased_at IS NULL ORDER BY created_at DESC`,
        [personId],
      ) as Promise<Record<string, never>[]>,
    ]);
    return {
      exportedAt: new Date().toISOString(),
      profile: {
        id: person.id,
        name: row?.name ?? null,
        phone: row?.phone ?? null,
        username: row?.username ?? null,
        hasPassword: !!row?.passwordHash,
        roles: person.roles,
        communities: person.communities,
        companyId: person.companyId,
        createdAt: iso(row?.createdAt),
        updatedAt: iso(row?.updatedAt),
        erasedAt: iso(row?.erasedAt),
      },
      sessions: sessions.map((s) => ({ createdAt: iso(s.created_at)!, expiresAt: iso(s.expires_at)!, revokedAt: iso(s.revoked_at) })),
      reportedTickets: tickets.map((t) => ({
        id: t.id,
        communityId: t.community_id,
        category: t.category,
        title: t.title,
        description: t.description,
        location: t.location,
        status: t.status,
        filedAt: iso(t.filed_at)!,
        rating: t.rating,
        ratingComment: t.rating_comment,
      })),
      open311Contacts: contacts.map((c) => ({
        ticketId: c.ticket_id,
        email: c.email,
        firstName: c.first_name,
        lastName: c.last_name,
        phone: c.phone,
        createdAt: iso(c.created_at)!,
      })),
      notes: [
        'The event log holds your id, roles, communities and company, never your name, phone, username or password.',
        'Titles, descriptions, comments and other free text are kept as written; erasure does not rewrite them.',
        'The password is held only as an argon2id hash and is never shown.',
      ],
    };
  }
}
