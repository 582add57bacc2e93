import { IsText } from '../../http/validation-decorators';

export class RejectResolutionDto {
  @IsText(2000, 'why the problem is not solved', 1, '电梯修好当天又停了') reason: string;
}
