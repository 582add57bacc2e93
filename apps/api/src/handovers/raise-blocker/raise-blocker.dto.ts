import { IsText } from '../../http/validation-decorators';

export class RaiseBlockerDto {
  @IsText(2000, 'the problem, e.g. 公共收益账户未移交', 1, '公共收益账户未移交') text: string;
}
