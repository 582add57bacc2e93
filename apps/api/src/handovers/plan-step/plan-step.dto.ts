import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsSlug } from '../../http/validation-decorators';

export class PlanStepDto {
  @IsSlug('the registered person who will see the step done (its owner)') ownerId: string;
  /** Its form (a date or a date-time with an offset) is the domain's rule, judged there. */
  @ApiProperty({ description: 'YYYY-MM-DD (by the end of that day, Asia/Shanghai) or an ISO 8601 date-time with an offset' })
  @IsString()
  @MaxLength(40)
  due: string;
}
