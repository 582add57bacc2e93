import { Module } from '@nestjs/common';
import { CommunityStates } from '../commands/community-states';
import { ReadYourWrites } from '../http/read-your-writes';
import { AcknowledgeTicketController } from './acknowledge-ticket/acknowledge-ticket.controller';
import { AcknowledgeTicketHandler } from './acknowledge-ticket/acknowledge-ticket.handler';
import { AssignTicketController } from './assign-ticket/assign-ticket.controller';
import { AssignTicketHandler } from './assign-ticket/assign-ticket.handler';
import { CommentOnTicketController } from './comment-on-ticket/comment-on-ticket.controller';
import { CommentOnTicketHandler } from './comment-on-ticket/comment-on-ticket.handler';
import { ConfirmResolutionController } from './confirm-resolution/confirm-resolution.controller';
import { ConfirmResolutionHandler } from './confirm-resolution/confirm-resolution.handler';
import { EscalateTicketController } from './escalate-ticket/escalate-ticket.controller';
import { EscalateTicketHandler } from './escalate-ticket/escalate-ticket.handler';
import { FileTicketController } from './file-ticket/file-ticket.controller';
import { FileTicketHandler } from './file-ticket/file-ticket.handler';
import { FollowUpTicketController } from './follow-up-ticket/follow-up-ticket.controller';
import { FollowUpTicketHandler } from './follow-up-ticket/follow-up-ticket.handler';
import { GetTicketController } from './get-ticket/get-ticket.controller';
import { GetTicketHandler } from './get-ticket/get-ticket.handler';
import { ListTicketsController } from './list-tickets/list-tickets.controller';
import { ListTicketsHandler } from './list-tickets/list-tickets.handler';
import { RateTicketController } from './rate-ticket/rate-ticket.controller';
import { RateTicketHandler } from './rate-ticket/rate-ticket.handler';
import { RecordActionController } from './record-action/record-action.controller';
import { RecordActionHandler } from './record-action/record-action.handler';
import { RejectResolutionController } from './reject-resolution/reject-resolution.controller';
import { RejectResolutionHandler } from './reject-resolution/reject-resolution.handler';
import { ResolveTicketController } from './resolve-ticket/resolve-ticket.controller';
import { ResolveTicketHandler } from './resolve-ticket/resolve-ticket.handler';
import { TicketDecisions } from './ticket-decisions';
import { VISIBILITY_CONTROLLERS, VISIBILITY_HANDLERS } from './visibility.parts';
import { TicketTimelineController } from './ticket-timeline/ticket-timeline.controller';
import { TicketTimelineHandler } from './ticket-timeline/ticket-timeline.handler';
import { WithdrawTicketController } from './withdraw-ticket/withdraw-ticket.controller';
import { WithdrawTicketHandler } from './withdraw-ticket/withdraw-ticket.handler';
import { WaitTicketController } from './wait-ticket/wait-ticket.controller';
import { WaitTicketHandler } from './wait-ticket/wait-ticket.handler';
import { ResumeTicketController } from './resume-ticket/resume-ticket.controller';
import { ResumeTicketHandler } from './resume-ticket/resume-ticket.handler';

const COMMAND_HANDLERS = [
  FileTicketHandler,
  AcknowledgeTicketHandler,
  AssignTicketHandler,
  RecordActionHandler,
  CommentOnTicketHandler,
  ResolveTicketHandler,
  ConfirmResolutionHandler,
  RejectResolutionHandler,
  RateTicketHandler,
  FollowUpTicketHandler,
  EscalateTicketHandler,
  WithdrawTicketHandler,
  WaitTicketHandler,
  ResumeTicketHandler,
  ...VISIBILITY_HANDLERS,
];

const QUERY_HANDLERS = [ListTicketsHandler, GetTicketHandler, TicketTimelineHandler];

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
    FollowUpTicketController,
    EscalateTicketController,
    WithdrawTicketController,
    WaitTicketController,
    ResumeTicketController,
    ...VISIBILITY_CONTROLLERS,
  ],
  providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS, TicketDecisions, CommunityStates, ReadYourWrites],
  exports: [ReadYourWrites],
})
export class TicketsModule {}
