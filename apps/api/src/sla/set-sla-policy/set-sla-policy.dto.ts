import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { DEFAULT_ESCALATION_MINUTES, DEFAULT_WARN_AT_PERCENT, ESCALATION_STEPS, SLA_CLOCKS, type SlaClock } from '@jinlin/domain';

/** A year: longer than any promise a property company would make about one problem. */
export const MAX_SLA_MINUTES = 525_600;

const IsMinutes = (description: string) =>
  applyDecorators(
    ApiProperty({ description, type: 'integer', minimum: 1, maximum: MAX_SLA_MINUTES, example: 120 }),
    IsInt(),
    Min(1),
    Max(MAX_SLA_MINUTES),
  );

/** A ladder climbs: each step no sooner than the one before (the domain says the same in slaPolicyProblems). */
const IsAscending = () =>
  ValidateBy({
    name: 'ascending',
    validator: {
      validate: (value: unknown) => Array.isArray(value) && value.every((m, i) => i === 0 || (m as number) >= (value[i - 1] as number)),
      defaultMessage: () => '$property must be sorted ascending (each step no sooner than the one before)',
    },
  });

/** SPEC §4.9. Fields left out take the category's defaults (GET /categories shows them). */
export class SetSlaPolicyDto {
  @IsMinutes('first response (acknowledge, action, public reply or resolve) due this many minutes after filing')
  acknowledgeWithinMinutes: number;
  @IsMinutes('resolve due this many minutes after filing') resolveWithinMinutes: number;

  @ApiPropertyOptional({
    description: 'continuous: minutes run around the clock; business: only within working hours on working days',
    enum: SLA_CLOCKS,
    example: 'business',
  })
  @IsOptional()
  @IsIn(SLA_CLOCKS, { message: `clock must be one of ${SLA_CLOCKS.join(', ')}` })
  clock?: SlaClock;

  @ApiPropertyOptional({
    description: 'TicketSlaWarning once this share of a deadline has passed unmet',
    type: 'integer',
    minimum: 1,
    maximum: 99,
    default: DEFAULT_WARN_AT_PERCENT,
    example: DEFAULT_WARN_AT_PERCENT,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  warnAtPercent?: number;

  @ApiPropertyOptional({
    description: 'after a resolve breach, escalate one level at each of these minutes, around the clock (sorted ascending)',
    type: 'integer',
    isArray: true,
    maxItems: ESCALATION_STEPS,
    example: DEFAULT_ESCALATION_MINUTES,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ESCALATION_STEPS)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MAX_SLA_MINUTES, { each: true })
  @IsAscending()
  escalateAfterBreachMinutes?: number[];
}
