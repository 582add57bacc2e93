import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/**
 * What every paged list of SPEC §4.4 and §9 takes besides its filters and its own cursor:
 * `limit` ≤ 100 and read-your-writes' `minPosition`. The lists extend it.
 */
export class PageQueryDto {
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
