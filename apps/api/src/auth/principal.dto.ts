import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Principal } from '@jinlin/domain';
import { describes } from '../http/api-docs';

/** What the service understood from the caller's token or session (GET /auth/whoami). */
export class PrincipalDto {
  @ApiProperty({ example: 'resident-demo' }) id: string;
  @ApiPropertyOptional({ description: 'the token’s name claim, if it has one', example: '王阿姨' }) name?: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['resident'] }) roles: string[];
  @ApiProperty({ type: [String], example: ['qianpu-yili-west'] }) communities: string[];
  @ApiPropertyOptional({ description: 'the property company of a staff member or manager', example: 'jiayuan-pm' }) companyId?: string;
}
describes<PrincipalDto, Principal>(true);
