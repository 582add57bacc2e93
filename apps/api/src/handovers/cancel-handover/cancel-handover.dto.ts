import { IsText } from '../../http/validation-decorators';

export class CancelHandoverDto {
  @IsText(2000, 'why the handover is called off') reason: string;
}
