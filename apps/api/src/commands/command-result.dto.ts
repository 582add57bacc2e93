import { ApiProperty } from '@nestjs/swagger';

export class CommandResultDto {
  @ApiProperty({ description: 'id of the aggregate written' }) id: string;
  @ApiProperty({ description: 'stream version after the write; send it back as If-Match' }) version: number;
  @ApiProperty({ description: 'global position of the last event written; pass as ?minPosition= to read your write' })
  position: number;
}
