import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CATEGORY_CODES, CHANNELS, type CategoryCode, type Channel } from '@jinlin/domain';
import { IsOptionalText, IsSlug, IsText } from '../../http/validation-decorators';

export class FileTicketDto {
  @IsSlug('the community (小区) where the problem is') communityId: string;
  @ApiProperty({ enum: CATEGORY_CODES })
  @IsIn(CATEGORY_CODES)
  category: CategoryCode;
  @IsText(120, 'short title, e.g. 3号楼电梯停运') title: string;
  @IsText(4000, 'what is wrong') description: string;
  @IsOptionalText(2000, 'where, e.g. 3号楼2单元') location?: string;
  @ApiPropertyOptional({ enum: CHANNELS, default: 'app' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}
