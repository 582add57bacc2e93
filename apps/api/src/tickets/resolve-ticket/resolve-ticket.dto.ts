import { IsText } from '../../commands/validation-decorators';

export class ResolveTicketDto {
  @IsText(2000, 'how it was resolved') resolution: string;
}
