import { IsText } from '../../http/validation-decorators';

export class AssignTicketDto {
  @IsText(64, 'user id of the staff member who will handle it', 1, 'staff-jiayuan-2') assigneeId: string;
}
