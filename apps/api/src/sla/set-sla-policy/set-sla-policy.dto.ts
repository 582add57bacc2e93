import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** A year: longer than any promise a property company would make about one problem. */
export const MAX_SLA_MINUTES = 525_600;

const IsMinutes = (description: string) =>
  applyDecorators(
    ApiProperty({ description, type: 'integer', minimum: 1, maximum: MAX_SLA_MINUTES, example: 120 }),
    IsInt(),
    Min(1),
    Max(MAX_SLA_MINUTES),
  );

export class SetSlaPolicyDto {
  @IsMinutes('first response (acknowledge, action, public reply or resolve) due this many minutes after filing')
  acknowledgeWithinMinutes: number;
  @IsMinutes('resolve due this many minutes after filing') resolveWithinMinutes: number;
}
