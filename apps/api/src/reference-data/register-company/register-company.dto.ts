import { IsSlug, IsText } from '../../http/validation-decorators';

export class RegisterCompanyDto {
  @IsSlug('company id, chosen by the client', 'lianqian-pm') id: string;
  @IsText(200, 'company name', 1, '莲前物业管理有限公司') name: string;
}
