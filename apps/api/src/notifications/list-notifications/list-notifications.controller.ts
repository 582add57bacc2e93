import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { ListNotificationsDto } from './list-notifications.dto';
import { ListNotificationsQuery } from './list-notifications.query';
import { ApiRead } from '../../http/api-docs';
import { NotificationPageDto } from '../notification-view.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiCookieAuth('jinlin_session')
@Controller('notifications')
export class ListNotificationsController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get()
  @ApiRead({ type: NotificationPageDto, minPosition: 'dto' })
  @ApiOperation({ summary: "the signed-in person's notifications, newest first, with cursor paging" })
  async list(@Query() query: ListNotificationsDto, @CurrentUser() user: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.ryw.wait(query.minPosition, reply, ['notifications']);
    return this.bus.execute(
      new ListNotificationsQuery(user.id, { unread: query.unread ?? false, cursor: query.cursor, limit: query.limit ?? 20 }),
    );
  }
}
