import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsSlug } from '../../http/validation-decorators';

export class PlanStepDto {
  @IsSlug('the registered person who will see the step done (its owner)', 'secretary-demo') ownerId: string;
  /** Its form (a date or a date-time with an offset) is the domain's rule, judged there. */
  @ApiProperty({
    description: 'YYYY-MM-DD (by the end of that day, Asia/Shanghai) or an ISO 8601 date-time with an offset',
    example: '2026-12-20',
  })
  @IsString()
  @MaxLength(40)
  due: string;
}
