import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';

/** SPEC §3: client-chosen ids are slugs. */
export const SLUG = /^[a-z0-9-]{2,64}$/;

/** `example`: what Swagger's Try it out sends; make it an id that exists in the demo data. */
export const IsSlug = (description: string, example = 'qianpu-yili-west') =>
  applyDecorators(
    ApiProperty({ description, pattern: SLUG.source, example }),
    IsString(),
    Matches(SLUG, { message: '$property must be 2-64 characters of a-z, 0-9 and -' }),
  );

/** Non-blank text with a length limit in characters (not bytes: 电梯 is two). */
export const IsText = (max: number, description: string, min = 1, example?: string) =>
  applyDecorators(
    ApiProperty({ description, minLength: min, maxLength: max, ...(example !== undefined && { example }) }),
    IsString(),
    IsNotEmpty(),
    CharacterLength(min, max),
    Matches(/\S/, { message: '$property must not be blank' }),
  );

export const IsOptionalText = (max: number, description: string, example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, maxLength: max, ...(example !== undefined && { example }) }),
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
