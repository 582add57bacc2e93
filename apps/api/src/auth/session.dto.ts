import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@jinlin/domain';
import type { SignedInPerson } from './signed-in-person';

export class SignedInPersonDto {
  @ApiProperty({ description: 'person id' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'display name from the personal-data table' }) name: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ type: [String], description: 'community ids the person belongs to or supervises' }) communities: string[];
  @ApiProperty({ type: String, nullable: true, description: 'property company of a staff or manager user' }) companyId: string | null;
}

export class SessionDto {
  @ApiProperty({ type: SignedInPersonDto }) person: SignedInPersonDto;
  @ApiProperty({ description: 'when the session (or, for a Bearer caller, the token) expires, ISO-8601 UTC' }) expiresAt: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'send as X-CSRF-Token with every POST, PUT, PATCH and DELETE made with the session cookie; null for a Bearer caller',
  })
  csrfToken: string | null;
}

export const sessionDto = (person: SignedInPerson, expiresAt: Date, csrfToken: string | null): SessionDto => ({
  person: { id: person.id, name: person.name, roles: [...person.roles], communities: [...person.communities], companyId: person.companyId },
  expiresAt: expiresAt.toISOString(),
  csrfToken,
});
