import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';

/** SPEC §3: client-chosen ids are slugs. */
export const SLUG = /^[a-z0-9-]{2,64}$/;

export const IsSlug = (description: string) =>
  applyDecorators(
    ApiProperty({ description, pattern: SLUG.source, example: 'qianpu-yili-west' }),
    IsString(),
    Matches(SLUG, { message: '$property must be 2-64 characters of a-z, 0-9 and -' }),
  );

/** Non-blank text with a length limit in characters (not bytes: 电梯 is two). */
export const IsText = (max: number, description: string, min = 1) =>
  applyDecorators(
    ApiProperty({ description, minLength: min, maxLength: max }),
    IsString(),
    IsNotEmpty(),
    CharacterLength(min, max),
    Matches(/\S/, { message: '$property must not be blank' }),
  );

export const IsOptionalText = (max: number, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, maxLength: max }),
    IsOptional(),
    IsString(),
    CharacterLength(1, max),
    Matches(/\S/, { message: '$property must not be blank' }),
  );

/** Counts characters as people do: an emoji is one, not two UTF-16 units. */
const CharacterLength = (min: number, max: number) =>
  ValidateBy({
    name: 'characterLength',
    validator: {
      validate: (value) => typeof value === 'string' && [...value].length >= min && [...value].length <= max,
      defaultMessage: () => `$property must be ${min} to ${max} characters`,
    },
  });
