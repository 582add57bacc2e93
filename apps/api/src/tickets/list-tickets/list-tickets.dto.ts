import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CATEGORY_CODES, ESCALATION_LEVELS } from '@jinlin/domain';
import { IsBuildingFilter } from '../../places/building-filter.validator';

const STATUSES = ['open', 'acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'withdrawn', 'merged'];
const AsBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ListTicketsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) communityId?: string;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: string;
  @ApiPropertyOptional({ enum: CATEGORY_CODES }) @IsOptional() @IsIn(CATEGORY_CODES) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) assigneeId?: string;
  @IsBuildingFilter() building?: string;
  @ApiPropertyOptional({ description: 'only unresolved tickets past their resolve deadline (a clock stopped for the resident is not)' })
  @IsOptional()
  @AsBoolean()
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ description: 'only tickets on hold (true), or only those that are not (false)' })
  @IsOptional()
  @AsBoolean()
  @IsBoolean()
  waiting?: boolean;
  @ApiPropertyOptional({ description: 'text in title or description (Chinese works)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ description: 'tickets of this reporter (never an anonymous one, for the company)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  reporterId?: string;
  @ApiPropertyOptional({ enum: ESCALATION_LEVELS }) @IsOptional() @IsIn(ESCALATION_LEVELS) escalationLevel?: string;
  @ApiPropertyOptional({ enum: ['community'], description: 'only community-visible tickets' })
  @IsOptional()
  @IsIn(['community'])
  visibility?: 'community';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(400) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({ description: 'wait until this global position is projected' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  minPosition?: string;
}
