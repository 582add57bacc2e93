import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ESCALATION_LEVELS, type EscalationLevel } from '@jinlin/domain';
import { IsText } from '../../http/validation-decorators';

export class EscalateTicketDto {
  @ApiProperty({ enum: ESCALATION_LEVELS })
  @IsIn(ESCALATION_LEVELS)
  level: EscalationLevel;
  @IsText(2000, 'why it is escalated', 1, '电梯停运三天仍未修复') reason: string;
}
