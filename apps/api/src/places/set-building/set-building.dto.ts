import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import { BUILDING_LIMITS } from '@jinlin/domain';
import { IsText } from '../../http/validation-decorators';

const chars = (s: string) => [...s].length;

export class SetBuildingDto {
  @IsText(BUILDING_LIMITS.name, 'what residents call it, e.g. 3号楼', 1, '3号楼') name: string;
  @ApiPropertyOptional({
    description: 'its units (单元), free text, each listed once; the whole list: a PUT replaces it',
    type: [String],
    maxItems: BUILDING_LIMITS.units,
    example: ['1单元', '2单元'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BUILDING_LIMITS.units)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: 'units must not hold a blank unit' })
  @ValidateBy({
    name: 'unitsWithinLimits',
    validator: {
      validate: (units: string[]) => units.every((u) => chars(u) <= BUILDING_LIMITS.unit),
      defaultMessage: () => `units: each unit must be 1 to ${BUILDING_LIMITS.unit} characters`,
    },
  })
  @ValidateBy({
    name: 'unitsUnique',
    validator: {
      validate: (units: string[]) => new Set(units).size === units.length,
      defaultMessage: () => 'units must be listed once each',
    },
  })
  units?: string[];
}
