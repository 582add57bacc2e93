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
  @Matches(/^20\d{2}-(0[1-9]|1[0-2])$/, { message: '$property must be a month as YYYY-MM from 2000-01 to 2099-12, e.g. 2025-11' })
  month: string;
  @ApiPropertyOptional({ description: 'wait until this global position is projected' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  minPosition?: string;
}
