import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, ValidateBy } from 'class-validator';
import { BUILDING_CODE } from '@jinlin/domain';

/** `building=` on a list: a building code, which means something only within one community. */
export const IsBuildingFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'a building code of the community; needs communityId', pattern: BUILDING_CODE.source }),
    IsOptional(),
    Matches(BUILDING_CODE, { message: '$property must be a building code: 1-32 of a-z, 0-9 and -' }),
    ValidateBy({
      name: 'buildingNeedsCommunity',
      validator: {
        validate: (_value, args) => typeof (args?.object as { communityId?: unknown }).communityId === 'string',
        defaultMessage: () => '$property needs communityId: building codes are per community',
      },
    }),
  );
