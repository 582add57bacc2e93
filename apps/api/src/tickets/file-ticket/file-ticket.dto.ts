import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { CATEGORY_CODES, CHANNELS, type CategoryCode, type Channel } from '@jinlin/domain';
import { IsAttachmentIds } from '../../attachments/attachment-ids';
import { IsSlug, IsText, SLUG } from '../../http/validation-decorators';
import { IsLocation, type LocationInput } from '../../places/location.validator';

export class FileTicketDto {
  @IsSlug('the community (小区) where the problem is') communityId: string;
  @ApiProperty({ enum: CATEGORY_CODES })
  @IsIn(CATEGORY_CODES)
  category: CategoryCode;
  @IsText(120, 'short title, e.g. 3号楼电梯停运') title: string;
  @IsText(4000, 'what is wrong') description: string;
  @IsLocation() location?: LocationInput;
  @ApiPropertyOptional({ enum: CHANNELS, default: 'app' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
  @ApiPropertyOptional({
    description:
      'the registered resident this is filed for (phone, walk-in, tea talk); staff, managers, the committee and the secretary only. ' +
      'Without it a resident filing is the reporter, and a ticket filed by anyone else has none.',
    pattern: SLUG.source,
  })
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: '$property must be 2-64 characters of a-z, 0-9 and -' })
  reporterId?: string;
  @IsAttachmentIds() attachmentIds?: string[];
}
