import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * What the read endpoints answer, for the screens: the OpenAPI document's own schemas (generated
 * into schema.d.ts), so a read model that changes on the service breaks the web build. Only the
 * unions the screens switch on are spelled out here.
 */
export type Role = 'resident' | 'staff' | 'manager' | 'committee' | 'secretary' | 'neighbourhood' | 'subdistrict' | 'admin';
export type TicketStatus = Schemas['TicketViewDto']['status'];
export type WaitingOn = 'resident' | 'parts' | 'third_party';

export type Person = Schemas['PersonViewDto'];
export type Session = Schemas['SessionDto'];
export type Location = Schemas['TicketLocationDto'];
export type AttachmentRef = Schemas['TicketAttachmentDto'];
export type Ticket = Schemas['TicketViewDto'];
export type Page<T> = { items: T[]; nextCursor: string | null };
export type TimelineEntry = Schemas['TimelineEntryDto'];
export type Timeline = Schemas['TicketTimelineDto'];
export type Community = Schemas['CommunityViewDto'];
/** A row of GET /communities (the list carries less than GET /communities/:id). */
export type CommunitySummary = Schemas['CommunityListDto']['items'][number];
export type Company = Schemas['CompanyListItemDto'];
export type Building = Schemas['BuildingViewDto'];
export type Sla = Schemas['SlaPolicyViewDto'];
export type Category = Schemas['CategoryItemDto'];
export type Notification = Schemas['NotificationViewDto'];
