import { IsOptionalText } from '../../http/validation-decorators';

export class ResolveBlockerDto {
  @IsOptionalText(2000, 'how it was resolved', '街道协调后原物业已移交账户') note?: string;
}
