import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { WebhookIdPipe } from '../webhook-id.pipe';
import { ListDeliveriesQuery } from './list-deliveries.query';
import { ApiRead } from '../../http/api-docs';
import { DeliveryListDto } from '../webhook-view.dto';

export class ListDeliveriesDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ description: 'the position of the last delivery of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER) // a position: beyond this it would overflow bigint and answer 500
  before?: number;
  @ApiPropertyOptional({ description: 'wait until this global position is projected' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  minPosition?: string;
}

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class ListDeliveriesController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':id/deliveries')
  @ApiRead({
    type: DeliveryListDto,
    minPosition: 'dto',
    errors: [
      [403, 'admin only'],
      [404, 'no such webhook'],
    ],
  })
  @ApiOperation({ summary: 'the delivery log of a webhook (admin): event, attempts, last status and error, next attempt, delivered at' })
  async list(
    @Param('id', WebhookIdPipe) id: string,
    @Query() q: ListDeliveriesDto,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ryw.wait(q.minPosition, reply, ['webhooks']);
    return this.bus.execute(new ListDeliveriesQuery(id, user, q.limit ?? 100, q.before));
  }
}
