import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { WAITING_ON, type WaitingOn } from '@jinlin/domain';
import { IsText } from '../../http/validation-decorators';

export class WaitTicketDto {
  @ApiProperty({ enum: WAITING_ON, description: "who or what the company waits on: only the resident's share stops the SLA clock" })
  @IsIn(WAITING_ON)
  on: WaitingOn;
  @IsText(2000, 'why the work waits (the resident is away, the part is ordered …)', 1, '控制板已订货，预计周五到') reason: string;
}
