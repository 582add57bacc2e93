import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsAttachmentIds } from '../../attachments/attachment-ids';
import { IsText } from '../../http/validation-decorators';

export class CommentOnTicketDto {
  @IsText(2000, 'comment text', 1, '维修师傅下午两点到，请家里留人') text: string;
  @ApiPropertyOptional({
    description: 'visible only to the company, the committee, the secretary and the 社区/街道 officials',
    default: false,
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
  @IsAttachmentIds() attachmentIds?: string[];
}
