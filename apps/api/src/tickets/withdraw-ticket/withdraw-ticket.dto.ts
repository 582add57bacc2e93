import { IsOptionalText } from '../../commands/validation-decorators';

export class WithdrawTicketDto {
  @IsOptionalText(2000, 'why it is withdrawn') reason?: string;
}
