import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { AppointPropertyCompanyHandler } from './appoint-property-company/appoint-property-company.handler';
import { CancelHandoverController } from './cancel-handover/cancel-handover.controller';
import { CancelHandoverHandler } from './cancel-handover/cancel-handover.handler';
import { CompleteHandoverController } from './complete-handover/complete-handover.controller';
import { CompleteHandoverHandler } from './complete-handover/complete-handover.handler';
import { CompleteStepController } from './complete-step/complete-step.controller';
import { CompleteStepHandler } from './complete-step/complete-step.handler';
import { FileDefectTicketHandler } from './file-defect-ticket/file-defect-ticket.handler';
import { GetHandoverController } from './get-handover/get-handover.controller';
import { GetHandoverHandler } from './get-handover/get-handover.handler';
import { HandoverTimelineController } from './handover-timeline/handover-timeline.controller';
import { HandoverTimelineHandler } from './handover-timeline/handover-timeline.handler';
import { ListHandoversController } from './list-handovers/list-handovers.controller';
import { ListHandoversHandler } from './list-handovers/list-handovers.handler';
import { PlanStepController } from './plan-step/plan-step.controller';
import { PlanStepHandler } from './plan-step/plan-step.handler';
import { RaiseBlockerController } from './raise-blocker/raise-blocker.controller';
import { RaiseBlockerHandler } from './raise-blocker/raise-blocker.handler';
import { ResolveBlockerController } from './resolve-blocker/resolve-blocker.controller';
import { ResolveBlockerHandler } from './resolve-blocker/resolve-blocker.handler';
import { StartHandoverController } from './start-handover/start-handover.controller';
import { StartHandoverHandler } from './start-handover/start-handover.handler';
import { TransferTicketHandler } from './transfer-ticket/transfer-ticket.handler';

@Module({
  imports: [TicketsModule],
  controllers: [
    StartHandoverController,
    PlanStepController,
    CompleteStepController,
    RaiseBlockerController,
    ResolveBlockerController,
    CompleteHandoverController,
    CancelHandoverController,
    ListHandoversController,
    GetHandoverController,
    HandoverTimelineController,
  ],
  providers: [
    StartHandoverHandler,
    PlanStepHandler,
    CompleteStepHandler,
    RaiseBlockerHandler,
    ResolveBlockerHandler,
    CompleteHandoverHandler,
    CancelHandoverHandler,
    // Sent by the handover process (handover-process.ts), not over HTTP.
    AppointPropertyCompanyHandler,
    FileDefectTicketHandler,
    TransferTicketHandler,
    ListHandoversHandler,
    GetHandoverHandler,
    HandoverTimelineHandler,
  ],
})
export class HandoversModule {}
