import { IsOptionalText } from '../../http/validation-decorators';

export class WithdrawTicketDto {
  @IsOptionalText(2000, 'why it is withdrawn', '电梯已自行恢复') reason?: string;
}
