import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { SLUG } from '../../http/validation-decorators';

export class MonthlyReportQueryDto {
  @ApiProperty({ description: 'the community whose joint meeting this is' })
  @IsString()
  @Matches(SLUG, { message: '$property must be 2-64 characters of a-z, 0-9 and -' })
  communityId: string;
  @ApiProperty({ description: 'the month, YYYY-MM, in Asia/Shanghai (UTC+8)', example: '2025-11' })
  @IsString()
  @Matches(/^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])$/, { message: '$property must be a month as YYYY-MM, e.g. 2025-11' })
  month: string;
  @ApiPropertyOptional({ description: 'wait until this global position is projected' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  minPosition?: string;
  @ApiPropertyOptional({ description: 'token carrier for clients that cannot set headers' }) @IsOptional() @IsString() api_key?: string;
}
