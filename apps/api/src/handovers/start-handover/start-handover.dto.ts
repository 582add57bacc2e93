import { IsSlug, IsText } from '../../http/validation-decorators';

export class StartHandoverDto {
  @IsSlug('the community whose property company is leaving', 'qianpu-yili-west') communityId: string;
  @IsSlug('the company that manages it now and is leaving', 'jiayuan-pm') outgoingCompanyId: string;
  @IsText(2000, 'why, e.g. 原物业公司突然宣布退出', 1, '原物业公司突然宣布退出') reason: string;
}
