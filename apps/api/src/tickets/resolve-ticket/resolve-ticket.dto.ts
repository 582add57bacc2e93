import { IsAttachmentIds } from '../../attachments/attachment-ids';
import { IsText } from '../../http/validation-decorators';

export class ResolveTicketDto {
  @IsText(2000, 'how it was resolved', 1, '已更换控制板，电梯恢复运行') resolution: string;
  @IsAttachmentIds() attachmentIds?: string[];
}
