import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import { CATEGORY_CODES } from '@jinlin/domain';
import { GROUP_BYS, type Figures, type GroupBy } from '@jinlin/projections';
import { describes } from '../../http/api-docs';
import { SLUG } from '../../http/validation-decorators';
import { INSTANT_HELP, parseInstant } from '../instant';

const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: { validate: (value) => parseInstant(value) !== null, defaultMessage: () => `$property must be ${INSTANT_HELP}` },
  });

const slugMessage = { message: '$property must be 2-64 characters of a-z, 0-9 and -' };

export const DAY_KEYS = 'Day keys (groupBy=day) are calendar days in Asia/Shanghai (UTC+8), as YYYY-MM-DD.';

/** The filters shared by the summary and its CSV. */
export class SummaryQueryDto {
  @ApiPropertyOptional({ description: 'only this community' }) @IsOptional() @IsString() @Matches(SLUG, slugMessage) communityId?: string;
  @ApiPropertyOptional({ description: 'only tickets this company was responsible for when they were filed' })
  @IsOptional()
  @IsString()
  @Matches(SLUG, slugMessage)
  companyId?: string;
  @ApiPropertyOptional({ enum: CATEGORY_CODES }) @IsOptional() @IsIn(CATEGORY_CODES) category?: string;
  @ApiPropertyOptional({ description: `tickets filed at or after this instant, ${INSTANT_HELP}; default: 30 days before now` })
  @IsOptional()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ description: `tickets filed before this instant, ${INSTANT_HELP}; default: now` })
  @IsOptional()
  @IsInstant()
  to?: string;
  @ApiPropertyOptional({ enum: GROUP_BYS, description: DAY_KEYS }) @IsOptional() @IsIn(GROUP_BYS) groupBy?: GroupBy;
  @ApiPropertyOptional({ description: 'wait until this global position is projected' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  minPosition?: string;
}

class PercentilesDto {
  @ApiProperty({ type: Number, nullable: true, description: 'nearest-rank median; null for no tickets', example: 1260 }) p50: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'nearest-rank 90th percentile; null for no tickets', example: 5400 }) p90:
    number | null;
}

export class FiguresDto {
  @ApiProperty({ description: 'tickets filed in [from, to)', example: 128 }) filed: number;
  @ApiProperty({ description: 'of those, withdrawn', example: 3 }) withdrawn: number;
  @ApiProperty({
    type: PercentilesDto,
    description: 'filing to the first of acknowledge, action, public comment by company staff, resolve',
  })
  firstResponseSeconds: PercentilesDto;
  @ApiProperty({ type: PercentilesDto, description: 'filing to the latest resolve, over tickets now resolved or closed' })
  resolutionSeconds: PercentilesDto;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'non-withdrawn tickets first answered by the acknowledge deadline (0..1)',
    example: 0.92,
  })
  responseRate: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'non-withdrawn tickets now closed, confirmed or auto-closed (0..1)',
    example: 0.81,
  })
  resolutionRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'ratings of 4 or 5 among ratings (0..1)', example: 0.88 }) satisfactionRate:
    number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'of tickets resolved at least once, those rejected at least once (0..1)',
    example: 0.06,
  })
  reopenRate: number | null;
  @ApiProperty({ description: 'non-withdrawn tickets not resolved or closed, now', example: 17 }) backlog: number;
  @ApiProperty({ description: 'of the backlog, past the resolve deadline, now', example: 2 }) overdue: number;
  @ApiProperty({ description: 'of those filed, merged into another ticket; they count in no other figure but filed', example: 4 })
  merged: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'of the tickets resolved or closed now (not withdrawn or merged), those with a follow-up (回访) that reached the resident (0..1)',
    example: 0.64,
  })
  followUpRate: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'of the follow-ups that reached the resident, those scored 4 or 5 (0..1)',
    example: 0.9,
  })
  followUpSatisfactionRate: number | null;
}
describes<FiguresDto, Figures>(true);

export class GroupFiguresDto extends FiguresDto {
  @ApiProperty({ description: `community id, company id, category code or day. ${DAY_KEYS}`, example: 'qianpu-yili-west' }) key: string;
}

export class SummaryDto {
  @ApiProperty({ description: 'the last global position the ticket-metrics projection has applied', example: 1042 }) asOfPosition: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-03T06:00:00.000Z' }) from: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T06:00:00.000Z' }) to: string;
  @ApiProperty({ type: FiguresDto }) total: FiguresDto;
  @ApiPropertyOptional({ type: [GroupFiguresDto], description: 'only with groupBy; groups with tickets, ordered by key' })
  groups?: GroupFiguresDto[];
}
