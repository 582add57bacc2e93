import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

/** Absent is fine; null is not a value of these fields (400, not a crash further in). */
const IfPresent = () => ValidateIf((_, v) => v !== undefined);
import { ROLES } from '@jinlin/domain';
import { SLUG } from '../http/validation-decorators';

/** Mainland mobile (13812345678), with a country code (+86 138…), or a landline (0592-5551234). */
export const PHONE = /^\+?[0-9][0-9 -]{4,23}[0-9]$/;
export const USERNAME = /^[A-Za-z0-9_.@-]{3,64}$/;

export const IsRoles = (optional = false) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ enum: ROLES, isArray: true, example: ['resident'] }),
    ...(optional ? [IfPresent()] : []),
    IsArray(),
    ArrayNotEmpty(),
    ArrayUnique(),
    IsIn(ROLES, { each: true, message: `each value in roles must be one of: ${ROLES.join(', ')}` }),
  );

export const IsCommunities = (optional = false) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ type: [String], example: ['qianpu-yili-west'], description: 'community ids (slugs)' }),
    ...(optional ? [IfPresent()] : []),
    IsArray(),
    ArrayMaxSize(200),
    ArrayUnique(),
    Matches(SLUG, { each: true, message: 'each value in communities must be a community id (2-64 characters of a-z, 0-9 and -)' }),
  );

/** `null` clears the phone number; absent leaves it. */
export const IsPhone = () =>
  applyDecorators(
    ApiPropertyOptional({ example: '13812345678', nullable: true, description: 'personal data: masked for all but admin and the person' }),
    ValidateIf((_, v) => v !== undefined && v !== null),
    IsString(),
    Matches(PHONE, { message: 'phone must be a phone number, e.g. 13812345678 or 0592-5551234' }),
  );

export const IsUsername = () =>
  applyDecorators(
    ApiPropertyOptional({ example: 'wang.ayi', description: '3-64 of A-Z a-z 0-9 _ . @ -; compared without case' }),
    IsOptional(),
    IsString(),
    Matches(USERNAME, { message: 'username must be 3-64 characters of letters, digits, _ . @ -' }),
  );

export const IsPassword = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, minLength: 10, maxLength: 200, example: 'Qianpu-3hao-lou-2027' }),
    IfPresent(),
    IsString(),
    MaxLength(200),
  );
