import { IsSlug, IsText } from '../../http/validation-decorators';

export class RegisterCompanyDto {
  @IsSlug('company id, chosen by the client') id: string;
  @IsText(200, 'company name') name: string;
}
