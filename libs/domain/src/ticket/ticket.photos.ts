import type { AttachmentRef } from './ticket.events';

/** At most nine photos per command: the WeChat habit (SPEC §4.6). The request checks it; the domain names it once. */
export const MAX_ATTACHMENTS = 9;

/** An event carries `attachments` only when the command brought some: events without photos stay as they were. */
export const photosOf = (data: { attachments?: readonly AttachmentRef[] }): { attachments?: readonly AttachmentRef[] } =>
  data.attachments?.length ? { attachments: data.attachments } : {};
