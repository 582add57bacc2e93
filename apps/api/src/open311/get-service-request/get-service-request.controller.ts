import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, type Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { READ_MODELS } from '../list-service-requests/list-service-requests.controller';
import { ListServiceRequestsQuery } from '../list-service-requests/list-service-requests.query';
import { formatOf, sendOpen311, stemOf } from '../open311-format';
import { Open311Params } from '../open311-params';
import { originOf, type Open311Request } from '../open311-request';

/** One service request, as GeoReport v2 answers it: an array of one. Outside the caller's scope it is no request (404). */
@ApiTags('open311')
@ApiBearerAuth()
@Controller('open311/v2/requests')
export class GetServiceRequestController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':file')
  @ApiOperation({ summary: 'GeoReport v2 service request by id (`<id>.json` or `<id>.xml`): an array of one' })
  async get(@Param('file') file: string, @Req() request: Open311Request, @CurrentUser() user: Principal, @Res() reply: FastifyReply) {
    if (!/\.(json|xml)$/.test(file)) throw new DomainError('TICKET_NOT_FOUND');
    const params = Open311Params.of(request);
    await this.ryw.wait(params.get('minPosition'), reply, READ_MODELS);
    const communityId = params.get('jurisdiction_id');
    const found = await this.bus.execute(new ListServiceRequestsQuery(user, { communityId, ids: [stemOf(file)] }, originOf(request)));
    if (found.length === 0) throw new DomainError('TICKET_NOT_FOUND');
    sendOpen311(reply, formatOf(request), { root: 'service_requests', item: 'request', body: found });
  }
}
