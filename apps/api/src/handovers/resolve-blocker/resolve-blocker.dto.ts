import { IsOptionalText } from '../../http/validation-decorators';

export class ResolveBlockerDto {
  @IsOptionalText(2000, 'how it was resolved') note?: string;
}
