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
  @ApiProperty({ description: 'global position of the LogSealed event', example: 2100 }) position: number;
  @ApiProperty({ description: 'global position of the last event sealed', example: 2099 }) upTo: number;
  @ApiProperty({ description: 'streams (leaves) under the root', example: 318 }) streams: number;
  @ApiProperty({
    description: "hex SHA-256 Merkle root over every stream's head (streamId, version, hash)",
    example: 'c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2',
  })
  root: string;
  @ApiProperty({ description: 'when the seal was made (ISO-8601, UTC)', example: '2026-12-02T16:00:05.000Z' }) sealedAt: string;
}

export class SealsDto {
  @ApiProperty({ type: [SealDto], description: 'newest first' }) seals: SealDto[];
}
