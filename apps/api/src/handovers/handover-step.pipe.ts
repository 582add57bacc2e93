import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { HANDOVER_STEPS, type HandoverStep } from '@jinlin/domain';

/** A step the handover does not have is a bad request (400), for every route that names one. */
export class HandoverStepPipe implements PipeTransform<string, HandoverStep> {
  transform(value: string): HandoverStep {
    if (!(HANDOVER_STEPS as readonly string[]).includes(value))
      throw new BadRequestException(`step must be one of ${HANDOVER_STEPS.join(', ')}`);
    return value as HandoverStep;
  }
}
