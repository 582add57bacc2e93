import { api, call, idempotencyKey, type CommandResult } from '../api/client';
import type { operations } from '../api/schema';
import type { Page, Person, Ticket, Timeline } from '../api/views';
import type { ListQuery } from './buckets';
import type { Similar, TicketAction } from './types';

/** The queue's reads and writes, all through the typed client of the HTTP API. */

type TicketQuery = NonNullable<operations['ListTicketsController_list']['parameters']['query']>;

/** Every page of one GET /tickets query (100 a page, the service's limit), each handed over as it comes. */
export async function loadAll(query: ListQuery, onPage: (items: Ticket[]) => void, cancelled: () => boolean): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = (await call(
      api.GET('/tickets', { params: { query: { ...query, limit: 100, cursor } as TicketQuery } }),
    )) as unknown as Page<Ticket>;
    if (cancelled()) return;
    onPage(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The first page of a query only: what a notification may have added at the top. */
export async function firstPage(query: ListQuery): Promise<Ticket[]> {
  const page = (await call(api.GET('/tickets', { params: { query: { ...query, limit: 100 } as TicketQuery } }))) as unknown as Page<Ticket>;
  return page.items;
}

export async function getTicket(id: string, minPosition?: number): Promise<Ticket> {
  const query = minPosition ? { minPosition: String(minPosition) } : {};
  return (await call(api.GET('/tickets/{id}', { params: { path: { id }, query } as never }))) as unknown as Ticket;
}

export async function getTimeline(id: string): Promise<Timeline> {
  return (await call(api.GET('/tickets/{id}/timeline', { params: { path: { id } } }))) as unknown as Timeline;
}

export async function getSimilar(id: string, minPosition?: number): Promise<Similar[]> {
  const query = minPosition ? { minPosition: String(minPosition) } : {};
  return ((await call(api.GET('/tickets/{id}/similar', { params: { path: { id }, query } as never }))) as unknown as Page<Similar>).items;
}

export async function listPeople(query: {
  companyId?: string;
  communityId?: string;
  role?: Person['roles'][number];
  q?: string;
}): Promise<Person[]> {
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v)) as typeof query;
  return ((await call(api.GET('/people', { params: { query: { ...clean, limit: 200 } } }))) as unknown as Page<Person>).items;
}

export type Uploaded = { id: string; sha256: string; mime: string; width: number; height: number };

/** POST /attachments: one photo, multipart, as the browser's FormData sends it. */
export async function uploadPhoto(file: File): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', file, file.name);
  return (await call(
    api.POST('/attachments', { body: form as never, bodySerializer: (body: unknown) => body as FormData }),
  )) as unknown as Uploaded;
}

/**
 * A command on a ticket (SPEC §4.1): If-Match with the version the person saw (412 when someone
 * else changed it first) and a fresh Idempotency-Key (a retried click is one action, not two).
 */
export async function runAction(id: string, action: TicketAction, body: object, version: number | null): Promise<CommandResult> {
  const headers: Record<string, string> = { 'Idempotency-Key': idempotencyKey() };
  if (version !== null) headers['If-Match'] = `"${version}"`;
  return (await call(
    api.POST(`/tickets/{id}/${action}` as '/tickets/{id}/acknowledge', { params: { path: { id } }, body: body as never, headers }),
  )) as unknown as CommandResult;
}

export async function fileTicket(body: object, key: string): Promise<CommandResult> {
  return (await call(api.POST('/tickets', { body: body as never, headers: { 'Idempotency-Key': key } }))) as unknown as CommandResult;
}
