import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { TICKET_ID } from '../ticket-id.pipe';

export class MergeTicketDto {
  @ApiProperty({
    description: 'the primary ticket this duplicate is merged into (same community, not closed, withdrawn or merged)',
    format: 'uuid',
    example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  })
  @IsString()
  @Matches(TICKET_ID, { message: '$property must be a ticket id' })
  intoTicketId: string;
}
