import { IsText } from '../../http/validation-decorators';

export class CancelHandoverDto {
  @IsText(2000, 'why the handover is called off', 1, '业主大会决定续聘原物业') reason: string;
}
