import { BadRequestException, Controller, Get, Headers, Inject, Query, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { Principal } from '@jinlin/domain';
import { latestNotificationId } from '@jinlin/projections';
import { SessionAuth, type SessionRequest } from '../../auth/session-auth';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.token';
import { CurrentUser } from '../../http/current-user.decorator';
import { createLogger } from '../../infrastructure/logger';
import { NotificationHub } from '../notification-hub';
import { LiveStream } from './live-stream';
import { NOTIFICATION_ID, NotificationStreamDto } from './notification-stream.dto';
import { ApiErrors } from '../../http/api-docs';

/**
 * GET /notifications/stream, written on the raw response (reply.hijack) rather than through an SSE
 * plugin: the protocol is a few lines of text, and what matters here (ids from the table, resume
 * after Last-Event-ID, heartbeats, ending at sign-out and shutdown) no plugin would do for us;
 * @fastify/sse is still 0.x, and a new dependency would touch the lockfile every branch shares.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiCookieAuth('jinlin_session')
@Controller('notifications')
export class NotificationStreamController {
  private readonly log: Logger;

  constructor(
    private readonly db: DataSource,
    private readonly hub: NotificationHub,
    private readonly sessions: SessionAuth,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.log = createLogger(config.logLevel).child({ context: 'notification-stream' });
  }

  @Get('stream')
  @ApiErrors([400, 'Last-Event-ID is not the id of a notification'], 401)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Server-Sent Events: `id` the notification id, `event: notification`, `data` the notification as JSON (as in GET /notifications); a comment line as heartbeat',
    content: {
      'text/event-stream': {
        schema: {
          type: 'string',
          example:
            'id: 318\nevent: notification\ndata: {"id":"318","type":"TicketAcknowledged","ticketId":"0b5c9f3e-8d2a-4f61-9c7e-3a1b2c4d5e6f"}\n\n',
        },
      },
    },
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'resume after this notification id',
    schema: { type: 'string', example: '317' },
  })
  @ApiOperation({ summary: 'your new notifications as Server-Sent Events; resumes after Last-Event-ID' })
  async stream(
    @Query() query: NotificationStreamDto,
    @Headers('last-event-id') header: string | undefined,
    @CurrentUser() user: Principal,
    @Req() request: SessionRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (header !== undefined && !NOTIFICATION_ID.test(header))
      throw new BadRequestException('Last-Event-ID must be the id of a notification');
    const after = header ?? query.lastEventId ?? (await latestNotificationId(this.db.manager, user.id));
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and the like would otherwise hold the events back in a buffer.
      'x-accel-buffering': 'no',
      'x-correlation-id': request.id,
    });
    res.write(': connected\n\n');
    const stream = new LiveStream(res, {
      personId: user.id,
      after,
      heartbeatMs: this.config.notifications.heartbeatMs,
      db: this.db.manager,
      stillSignedIn: () => this.stillSignedIn(request),
      onError: (error) => this.log.warn({ err: error }, 'notification stream read failed; retrying at the next heartbeat'),
    });
    const unsubscribe = this.hub.subscribe(
      user.id,
      () => stream.wake(),
      () => stream.close(),
    );
    res.on('close', unsubscribe);
    stream.wake();
  }

  /** A cookie's session is asked again at every beat, so a sign-out elsewhere ends the stream too. */
  private async stillSignedIn(request: SessionRequest): Promise<boolean> {
    if (!request.signInSession) return true;
    try {
      return (await this.sessions.authenticate(request)) !== null;
    } catch (error) {
      if (error instanceof UnauthorizedException) return false;
      throw error;
    }
  }
}
