import { IsAttachmentIds } from '../../attachments/attachment-ids';
import { IsText } from '../../http/validation-decorators';

export class AcknowledgeTicketDto {
  @IsText(2000, 'the first answer to the reporter, e.g. 收到，已通知电梯维保', 1, '收到，已通知电梯维保，预计下午两点前到场')
  message: string;
  @IsAttachmentIds() attachmentIds?: string[];
}
