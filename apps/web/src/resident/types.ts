import type { Location, TicketStatus } from '../api/views';

/** What POST /attachments answers (AttachmentDto). */
export type Attachment = { id: string; sha256: string; mime: string; bytes: number; width: number; height: number };

/** GET /tickets/:id/similar's items (apps/api/src/places/similar-tickets). */
export type SimilarTicket = {
  id: string;
  title: string;
  status: TicketStatus;
  filedAt: string;
  location: Location | null;
  similarity: number;
};

/** A problem to show under a field: an i18n key of resident.form.error and its values. */
export type FieldProblem = { key: string; params?: Record<string, string | number> };
