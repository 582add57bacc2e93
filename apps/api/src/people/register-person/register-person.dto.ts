import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Role } from '@jinlin/domain';
import { IsSlug, IsText, SLUG } from '../../http/validation-decorators';
import { IsCommunities, IsPassword, IsPhone, IsRoles, IsUsername } from '../person-fields';

export class RegisterPersonDto {
  @IsSlug('person id, chosen by the client', 'resident-qianpu-3-2-1203') id: string;
  @IsText(100, 'display name, e.g. 王阿姨 — personal data, never in the event log', 1, '李阿姨') name: string;
  @IsRoles() roles: Role[];
  @IsCommunities(true) communities?: string[];
  @ApiPropertyOptional({ description: 'the property company of staff and managers', example: 'jiayuan-pm' })
  @IsOptional()
  @Matches(SLUG, { message: 'companyId must be a company id (2-64 characters of a-z, 0-9 and -)' })
  companyId?: string;
  @IsPhone() phone?: string | null;
  @IsUsername() username?: string;
  @IsPassword('at least 10 characters, not containing the username; needs a username') password?: string;
}
