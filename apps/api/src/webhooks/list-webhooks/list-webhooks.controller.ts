import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { ListWebhooksQuery } from './list-webhooks.query';
import { ApiRead } from '../../http/api-docs';
import { WebhookListDto } from '../webhook-view.dto';

export class AfterPositionDto {
  @ApiPropertyOptional({ description: 'wait until this global position is projected' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  minPosition?: string;
}

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class ListWebhooksController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get()
  @ApiRead({ type: WebhookListDto, minPosition: 'dto', errors: [[403, 'admin only']] })
  @ApiOperation({ summary: 'registered webhooks (admin), without their secrets' })
  async list(@Query() q: AfterPositionDto, @CurrentUser() user: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.ryw.wait(q.minPosition, reply, ['webhooks']);
    return this.bus.execute(new ListWebhooksQuery(user));
  }
}
