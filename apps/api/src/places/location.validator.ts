import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { BUILDING_CODE, BUILDING_LIMITS, LOCATION_LIMITS, LOCATION_PARTS, type TicketLocation } from '@jinlin/domain';

const LIMITS: Record<(typeof LOCATION_PARTS)[number], number> = {
  building: 32,
  unit: BUILDING_LIMITS.unit,
  room: LOCATION_LIMITS.room,
  area: LOCATION_LIMITS.area,
  note: LOCATION_LIMITS.note,
};

const chars = (s: string) => [...s].length;
const textProblem = (path: string, value: unknown, max: number): string | null =>
  typeof value !== 'string' || chars(value) < 1 || chars(value) > max || !/\S/.test(value)
    ? `${path} must be a text of 1 to ${max} characters`
    : null;

/**
 * SPEC §4.5's place: a string (kept as the note, as before places existed) or an object of known
 * parts. Every problem, each naming its field (`location.room …`); none when it is fine.
 * Whether the building and unit are registered is the decider's call: it has the community.
 */
export function locationProblems(value: unknown): string[] {
  if (typeof value === 'string') return [textProblem('location', value, LOCATION_LIMITS.note)].filter((p): p is string => p !== null);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['location must be a text or an object {building?, unit?, room?, area?, note?}'];
  }
  const problems = Object.keys(value)
    .filter((k) => !(LOCATION_PARTS as readonly string[]).includes(k))
    .map((k) => `location.${k} is not a part of a location (building, unit, room, area, note)`);
  for (const part of LOCATION_PARTS) {
    const v = (value as Record<string, unknown>)[part];
    if (v === undefined) continue;
    const problem = textProblem(`location.${part}`, v, LIMITS[part]);
    if (problem) problems.push(problem);
    else if (part === 'building' && !BUILDING_CODE.test(v as string))
      problems.push('location.building must be a building code: 1-32 of a-z, 0-9 and -');
  }
  return problems;
}

export type LocationInput = string | TicketLocation;

export const IsLocation = () =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'where: {building?, unit?, room? (≤10), area? (≤100, a public place such as 地下车库), note? (≤2000)}; ' +
        'building and unit as registered for the community (GET /communities/:id/buildings). A plain text is kept as the note.',
      example: { building: '3', unit: '2单元', area: '电梯厅' },
      oneOf: [
        { type: 'string', maxLength: LOCATION_LIMITS.note },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            building: { type: 'string', pattern: BUILDING_CODE.source, example: '3' },
            unit: { type: 'string', maxLength: BUILDING_LIMITS.unit, example: '2单元' },
            room: { type: 'string', maxLength: LOCATION_LIMITS.room, example: '1203' },
            area: { type: 'string', maxLength: LOCATION_LIMITS.area, example: '地下车库' },
            note: { type: 'string', maxLength: LOCATION_LIMITS.note },
          },
        },
      ],
    }),
    IsOptional(),
    ValidateBy({
      name: 'isLocation',
      validator: {
        validate: (value) => locationProblems(value).length === 0,
        defaultMessage: (args) => locationProblems(args?.value).join('; ') || 'location is not valid',
      },
    }),
  );
