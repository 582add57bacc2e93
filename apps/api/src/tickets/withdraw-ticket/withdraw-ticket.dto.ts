import { IsOptionalText } from '../../http/validation-decorators';

export class WithdrawTicketDto {
  @IsOptionalText(2000, 'why it is withdrawn') reason?: string;
}
