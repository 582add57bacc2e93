import type { Role } from '@jinlin/domain';
import { IsOptionalText } from '../../http/validation-decorators';
import { IsCommunities, IsPhone, IsRoles } from '../person-fields';

export class UpdatePersonDto {
  @IsOptionalText(100, 'display name (personal data: not in the log)') name?: string;
  @IsPhone() phone?: string | null;
  @IsRoles(true) roles?: Role[];
  @IsCommunities(true) communities?: string[];
}
