import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasRole, type Principal } from '@jinlin/domain';
import { answer } from '../../commands/answer';
import { Ctx, type CommandContext } from '../../commands/command-context';
import { validationPipe } from '../../http/validation';
import { withoutPersonalData } from '../../people/personal-data/idempotency-without-personal-data';
import { FileTicketCommand } from '../../tickets/file-ticket/file-ticket.command';
import { reportOf } from '../../tickets/file-ticket/file-ticket.controller';
import { FileTicketDto } from '../../tickets/file-ticket/file-ticket.dto';
import { formatOf, sendOpen311 } from '../open311-format';
import { Open311Params } from '../open311-params';
import { originOf } from '../open311-request';
import { Open311Store } from '../open311-store';
import { serviceRequestForm } from './service-request-form';

const ROUTE = '/open311/v2/requests';
const validation = validationPipe();

/**
 * GeoReport v2 POST requests: the same FileTicketCommand as POST /tickets, on a body validated by
 * the same DTO, so scope, reporter rules, photos and Idempotency-Key behave exactly as there.
 */
@ApiTags('open311')
@ApiBearerAuth()
@Controller('open311/v2')
export class FileServiceRequestController {
  constructor(
    private readonly bus: CommandBus,
    private readonly open311: Open311Store,
  ) {}

  @Post(['requests.json', 'requests.xml'])
  @HttpCode(201)
  @ApiOperation({ summary: 'GeoReport v2 service request, form-encoded or JSON; api_key (the bearer token) in the body or Authorization' })
  async file(@Req() request: FastifyRequest & { user: Principal }, @Ctx() given: CommandContext, @Res() reply: FastifyReply) {
    const { ticket, contact, facts } = serviceRequestForm(Open311Params.of(request), originOf(request));
    const body = (await validation.transform(ticket, { type: 'body', metatype: FileTicketDto })) as FileTicketDto;
    // The key's stored hash covers the ticket and the facts, never the contact details (nor api_key).
    const ctx = withoutPersonalData(given, 'POST', ROUTE, { ticket, facts });
    const result = answer(reply, await this.bus.execute(new FileTicketCommand(reportOf(body), ctx, body.attachmentIds)));
    const personId = body.reporterId ?? (hasRole(ctx.actor, 'resident') ? ctx.actor.id : null);
    await this.open311.record(result.id, personId, contact, facts);
    const answerBody = [{ service_request_id: result.id, service_notice: '已收到，物业将按服务时限受理', account_id: personId }];
    sendOpen311(reply, formatOf(request), { root: 'service_requests', item: 'request', body: answerBody }, 201);
  }
}
