import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { Role } from '@jinlin/domain';
import { IsCommunities, IsPhone, IsRoles } from '../person-fields';

export class UpdatePersonDto {
  /** Absent leaves it; null is refused (a name is never cleared, only erased with the rest). */
  @ApiPropertyOptional({ description: 'display name (personal data: not in the log)', maxLength: 100, example: '王阿姨' })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Matches(/\S/, { message: '$property must not be blank' })
  name?: string;
  @IsPhone() phone?: string | null;
  @IsRoles(true) roles?: Role[];
  @IsCommunities(true) communities?: string[];
}
