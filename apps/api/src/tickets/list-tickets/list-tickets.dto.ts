import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CATEGORY_CODES, ESCALATION_LEVELS } from '@jinlin/domain';
import { IsBuildingFilter } from '../../places/building-filter.validator';
import { PageQueryDto } from '../../http/page-query.dto';

const STATUSES = ['open', 'acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'withdrawn', 'merged'];
const AsBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ListTicketsDto extends PageQueryDto {
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
}
