import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, hasRole, type Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { TicketIdPipe } from '../../tickets/ticket-id.pipe';
import { Open311Store } from '../open311-store';

/**
 * PIPL deletion for contact details that belong to no registered person: a request a platform
 * filed for a citizen with no reporter. The person's own are erased with DELETE
 * /people/:id/personal-data; these, by an admin, one request at a time. Nothing is appended: the
 * log never held them.
 */
@ApiTags('open311')
@ApiBearerAuth()
@Controller('open311/v2/requests')
export class EraseContactDetailsController {
  constructor(private readonly open311: Open311Store) {}

  @Delete(':id/contact')
  @HttpCode(200)
  @ApiOperation({ summary: 'erase the email, names and phone given with an Open311 request (admin)' })
  async erase(@Param('id', TicketIdPipe) id: string, @CurrentUser() user: Principal) {
    if (!hasRole(user, 'admin')) throw new DomainError('ONLY_SELF_OR_ADMIN', 'erase contact details');
    const erased = await this.open311.eraseContact(id);
    if (!erased) throw new DomainError('TICKET_NOT_FOUND');
    return { id, erased: true };
  }
}
