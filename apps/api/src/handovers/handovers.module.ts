import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { BlockersController } from './blockers/blockers.controller';
import { CompleteStepController } from './complete-step/complete-step.controller';
import { FinishHandoverController } from './finish-handover/finish-handover.controller';
import { HandoverCommands } from './handover-commands.service';
import { ReadHandoversController } from './read-handovers/read-handovers.controller';
import { StartHandoverController } from './start-handover/start-handover.controller';

@Module({
  imports: [TicketsModule],
  controllers: [StartHandoverController, CompleteStepController, BlockersController, FinishHandoverController, ReadHandoversController],
  providers: [HandoverCommands],
})
export class HandoversModule {}
