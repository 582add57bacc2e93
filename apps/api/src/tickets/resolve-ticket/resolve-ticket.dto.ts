import { IsAttachmentIds } from '../../attachments/attachment-ids';
import { IsText } from '../../http/validation-decorators';

export class ResolveTicketDto {
  @IsText(2000, 'how it was resolved') resolution: string;
  @IsAttachmentIds() attachmentIds?: string[];
}
