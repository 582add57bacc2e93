import { describe, fieldErrors, type Problem } from '../api/problems';
import type { Locale } from '../i18n';
import type { Uploaded } from './queue-api';
import { WAITING_ON, type TicketAction } from './types';

/** A 400's messages per field path, in the reader's words: what each form shows under its fields. */
export function fieldMessages(problem: Problem, locale: Locale): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fieldErrors(problem)).map(([k, v]) => [k, v.map((m) => describe(m, locale))]));
}

/** The ticket page's command forms, each a model of what it sends (photos go as attachmentIds). */
export function blankForms() {
  return {
    acknowledge: { message: '', photos: [] as Uploaded[] },
    assign: { assigneeId: '' },
    record: { description: '', photos: [] as Uploaded[] },
    wait: { on: 'parts' as (typeof WAITING_ON)[number], reason: '' },
    resolve: { resolution: '', photos: [] as Uploaded[] },
    comment: { text: '', internal: false, photos: [] as Uploaded[] },
    escalate: { level: '' as string, reason: '' },
    visibility: { visibility: 'private' as 'private' | 'community' },
  };
}
export type Forms = ReturnType<typeof blankForms>;
export type FormKey = keyof Forms;

export type Option = { value: string; label: string };
/** One field of a command form: its model key is also the key of its errors (photos: attachmentIds). */
export type FormField =
  | { kind: 'text'; key: string; label: string; name?: string }
  | { kind: 'photos'; inputId: string }
  | { kind: 'check'; key: string; label: string }
  | { kind: 'select'; key: string; label: string; options: Option[]; filterable?: boolean; testid?: string }
  | { kind: 'radio'; key: string; label: string; options: Option[] };

/**
 * A command form: the action it posts, its fields in order, and the fields a sent form keeps
 * (what it is waiting on stays picked; the visibility follows the ticket).
 */
export type CommandForm = { form: FormKey; action: TicketAction; fields: FormField[]; keep?: string[] };

/** What a form posts: its fields as they are, its photos as attachmentIds (none: no key). */
export function bodyOf(model: Record<string, unknown>): Record<string, unknown> {
  const { photos, ...rest } = model as { photos?: Uploaded[] };
  return { ...rest, ...(photos?.length ? { attachmentIds: photos.map((p) => p.id) } : {}) };
}

/** Empties a sent form, but for the fields it keeps. */
export function resetForm(model: Record<string, unknown>, blank: Record<string, unknown>, keep: readonly string[] = []) {
  for (const [key, value] of Object.entries(blank)) if (!keep.includes(key)) model[key] = Array.isArray(value) ? [] : value;
}
