import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { NotificationIdPipe } from '../notification-id.pipe';
import { MarkNotificationRead } from './mark-notification-read.command';
import { ApiRead } from '../../http/api-docs';
import { NotificationViewDto } from '../notification-view.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiCookieAuth('jinlin_session')
@Controller('notifications')
export class MarkNotificationReadController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/read')
  @ApiRead({
    type: NotificationViewDto,
    description: 'the notification, now read',
    errors: [
      [403, 'signed in by cookie without X-CSRF-Token'],
      [404, 'no such notification of yours'],
    ],
  })
  @HttpCode(200)
  @ApiOperation({ summary: "marks one of your notifications read (another person's answers 404)" })
  read(@Param('id', NotificationIdPipe) id: string, @CurrentUser() user: Principal) {
    return this.bus.execute(new MarkNotificationRead(user.id, id, new Date()));
  }
}
