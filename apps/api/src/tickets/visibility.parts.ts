import { MergeTicketController } from './merge-ticket/merge-ticket.controller';
import { MergeTicketHandler, RecordDuplicateMergedHandler } from './merge-ticket/merge-ticket.handler';
import { SupportTicketController } from './support-ticket/support-ticket.controller';
import { SupportTicketHandler } from './support-ticket/support-ticket.handler';

/** SPEC §4.7's commands: support (附议) and merge. */
export const VISIBILITY_CONTROLLERS = [SupportTicketController, MergeTicketController];
export const VISIBILITY_HANDLERS = [SupportTicketHandler, MergeTicketHandler, RecordDuplicateMergedHandler];
