import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@jinlin/domain';
import type { SignedInPerson } from './signed-in-person';

export class SignedInPersonDto {
  @ApiProperty({ description: 'person id', example: 'resident-demo' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'display name from the personal-data table', example: '王阿姨' }) name:
    string | null;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['resident'] }) roles: Role[];
  @ApiProperty({ type: [String], description: 'community ids the person belongs to or supervises', example: ['qianpu-yili-west'] })
  communities: string[];
  @ApiProperty({ type: String, nullable: true, description: 'property company of a staff or manager user', example: null }) companyId:
    string | null;
}

export class SessionDto {
  @ApiProperty({ type: SignedInPersonDto }) person: SignedInPersonDto;
  @ApiProperty({
    description: 'when the session (or, for a Bearer caller, the token) expires, ISO-8601 UTC',
    example: '2026-12-03T13:50:00.000Z',
  })
  expiresAt: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'send as X-CSRF-Token with every POST, PUT, PATCH and DELETE made with the session cookie; null for a Bearer caller',
    example: 'q9Xv3mT2bLk8sWc1rZp4',
  })
  csrfToken: string | null;
}

export const sessionDto = (person: SignedInPerson, expiresAt: Date, csrfToken: string | null): SessionDto => ({
  person: { id: person.id, name: person.name, roles: [...person.roles], communities: [...person.communities], companyId: person.companyId },
  expiresAt: expiresAt.toISOString(),
  csrfToken,
});
