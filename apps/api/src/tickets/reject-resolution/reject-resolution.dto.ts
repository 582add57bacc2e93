import { IsText } from '../../http/validation-decorators';

export class RejectResolutionDto {
  @IsText(2000, 'why the problem is not solved') reason: string;
}
