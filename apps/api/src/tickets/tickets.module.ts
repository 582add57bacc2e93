import { Module } from '@nestjs/common';
import { AcknowledgeTicketController } from './acknowledge-ticket/acknowledge-ticket.controller';
import { AssignTicketController } from './assign-ticket/assign-ticket.controller';
import { CommentOnTicketController } from './comment-on-ticket/comment-on-ticket.controller';
import { ConfirmResolutionController } from './confirm-resolution/confirm-resolution.controller';
import { EscalateTicketController } from './escalate-ticket/escalate-ticket.controller';
import { FileTicketController } from './file-ticket/file-ticket.controller';
import { GetTicketController } from './get-ticket/get-ticket.controller';
import { ListTicketsController } from './list-tickets/list-tickets.controller';
import { RateTicketController } from './rate-ticket/rate-ticket.controller';
import { ReadYourWrites } from '../http/read-your-writes';
import { RecordActionController } from './record-action/record-action.controller';
import { RejectResolutionController } from './reject-resolution/reject-resolution.controller';
import { ResolveTicketController } from './resolve-ticket/resolve-ticket.controller';
import { CommunityStates } from '../commands/community-states';
import { TicketCommands } from './ticket-commands.service';
import { TicketDecisions } from './ticket-decisions';
import { ResolveTicketHandler } from './resolve-ticket/resolve-ticket.handler';
import { TicketTimelineController } from './ticket-timeline/ticket-timeline.controller';
import { WithdrawTicketController } from './withdraw-ticket/withdraw-ticket.controller';

@Module({
  controllers: [
    FileTicketController,
    ListTicketsController,
    GetTicketController,
    TicketTimelineController,
    AcknowledgeTicketController,
    AssignTicketController,
    RecordActionController,
    CommentOnTicketController,
    ResolveTicketController,
    ConfirmResolutionController,
    RejectResolutionController,
    RateTicketController,
    EscalateTicketController,
    WithdrawTicketController,
  ],
  providers: [TicketCommands, TicketDecisions, CommunityStates, ReadYourWrites, ResolveTicketHandler],
  exports: [ReadYourWrites],
})
export class TicketsModule {}
