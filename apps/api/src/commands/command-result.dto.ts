import { ApiProperty } from '@nestjs/swagger';

export class CommandResultDto {
  @ApiProperty({ description: 'id of the aggregate written', example: '0b5c9f3e-8d2a-4f61-9c7e-3a1b2c4d5e6f' }) id: string;
  @ApiProperty({ description: 'stream version after the write; send it back as If-Match', example: 1 }) version: number;
  @ApiProperty({ description: 'global position of the last event written; pass as ?minPosition= to read your write', example: 1042 })
  position: number;
}
