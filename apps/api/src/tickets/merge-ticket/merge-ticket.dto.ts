import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { TICKET_ID } from '../ticket-id.pipe';

export class MergeTicketDto {
  @ApiProperty({ description: 'the primary ticket this duplicate is merged into (same community, not closed, withdrawn or merged)' })
  @IsString()
  @Matches(TICKET_ID, { message: '$property must be a ticket id' })
  intoTicketId: string;
}
