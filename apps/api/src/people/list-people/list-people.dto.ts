import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ROLES, type Role } from '@jinlin/domain';
import { SLUG } from '../../http/validation-decorators';

const SLUG_MESSAGE = '$property must be an id (2-64 characters of a-z, 0-9 and -)';

export class ListPeopleDto {
  @ApiPropertyOptional() @IsOptional() @Matches(SLUG, { message: SLUG_MESSAGE }) communityId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(SLUG, { message: SLUG_MESSAGE }) companyId?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ description: 'part of the name or id' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'the last id of the previous page' })
  @IsOptional()
  @Matches(SLUG, { message: SLUG_MESSAGE })
  cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ description: 'wait until this global position is projected' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  minPosition?: string;
}
