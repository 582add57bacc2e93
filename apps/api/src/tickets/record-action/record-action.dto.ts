import { IsAttachmentIds } from '../../attachments/attachment-ids';
import { IsText } from '../../http/validation-decorators';

export class RecordActionDto {
  @IsText(2000, 'work actually done, e.g. 已更换3号楼电梯控制板', 1, '已更换3号楼电梯控制板') description: string;
  @IsAttachmentIds() attachmentIds?: string[];
}
