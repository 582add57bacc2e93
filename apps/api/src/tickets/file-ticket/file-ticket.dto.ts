import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { CATEGORY_CODES, CHANNELS, VISIBILITIES, type CategoryCode, type Channel, type Visibility } from '@jinlin/domain';
import { IsAttachmentIds } from '../../attachments/attachment-ids';
import { IsSlug, IsText, SLUG } from '../../http/validation-decorators';
import { IsLocation, type LocationInput } from '../../places/location.validator';

export class FileTicketDto {
  @IsSlug('the community (小区) where the problem is') communityId: string;
  @ApiProperty({ enum: CATEGORY_CODES, example: 'elevator' })
  @IsIn(CATEGORY_CODES)
  category: CategoryCode;
  @IsText(120, 'short title, e.g. 3号楼电梯停运', 1, '3号楼电梯停运') title: string;
  @IsText(4000, 'what is wrong', 1, '3号楼2单元电梯从早上开始停在一楼，老人上下楼不方便') description: string;
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
    example: 'resident-demo',
  })
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: '$property must be 2-64 characters of a-z, 0-9 and -' })
  reporterId?: string;
  @ApiPropertyOptional({
    description: "a resident's ticket only: the company's people see 匿名居民 instead of the reporter (SPEC §4.7)",
    default: false,
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
  @ApiPropertyOptional({
    enum: VISIBILITIES,
    default: 'private',
    description: "community: the community's residents see title, category, place, status and support count, and may support it",
  })
  @IsOptional()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;
  @IsAttachmentIds() attachmentIds?: string[];
}
