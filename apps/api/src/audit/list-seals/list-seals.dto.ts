import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { INSTANT_HELP, parseInstant } from '../../dashboards/instant';

const [EARLIEST, LATEST] = [Date.UTC(2000, 0, 1), Date.UTC(2100, 0, 1)];

/** An instant with its zone, between 2000 and 2100 (SPEC §6's bounds for a time filter). */
const IsBoundedInstant = () =>
  ValidateBy({
    name: 'isBoundedInstant',
    validator: {
      validate: (value) => {
        const at = parseInstant(value);
        return at !== null && at >= EARLIEST && at < LATEST;
      },
      defaultMessage: () => `$property must be ${INSTANT_HELP}, from 2000 to 2100`,
    },
  });

export class ListSealsQueryDto {
  @ApiPropertyOptional({ description: `seals made at or after this instant, ${INSTANT_HELP}` })
  @IsOptional()
  @IsBoundedInstant()
  from?: string;
  @ApiPropertyOptional({ description: `seals made before this instant, ${INSTANT_HELP}` }) @IsOptional() @IsBoundedInstant() to?: string;
}

export class SealDto {
  @ApiProperty({ description: 'global position of the LogSealed event' }) position: number;
  @ApiProperty({ description: 'global position of the last event sealed' }) upTo: number;
  @ApiProperty({ description: 'streams (leaves) under the root' }) streams: number;
  @ApiProperty({ description: "hex SHA-256 Merkle root over every stream's head (streamId, version, hash)" }) root: string;
  @ApiProperty({ description: 'when the seal was made (ISO-8601, UTC)' }) sealedAt: string;
}

export class SealsDto {
  @ApiProperty({ type: [SealDto], description: 'newest first' }) seals: SealDto[];
}
