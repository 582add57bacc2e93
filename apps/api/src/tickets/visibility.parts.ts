import { ChangeVisibilityController } from './change-visibility/change-visibility.controller';
import { ChangeVisibilityHandler } from './change-visibility/change-visibility.handler';
import { MergeTicketController } from './merge-ticket/merge-ticket.controller';
import { MergeTicketHandler, RecordDuplicateMergedHandler } from './merge-ticket/merge-ticket.handler';
import { SupportTicketController } from './support-ticket/support-ticket.controller';
import { SupportTicketHandler } from './support-ticket/support-ticket.handler';

/** SPEC §4.7's commands: who sees a ticket, support (附议) and merge. */
export const VISIBILITY_CONTROLLERS = [ChangeVisibilityController, SupportTicketController, MergeTicketController];
export const VISIBILITY_HANDLERS = [ChangeVisibilityHandler, SupportTicketHandler, MergeTicketHandler, RecordDuplicateMergedHandler];
