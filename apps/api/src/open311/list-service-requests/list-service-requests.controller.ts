import { BadRequestException, Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { formatOf, sendOpen311 } from '../open311-format';
import { Open311Params } from '../open311-params';
import { originOf, type Open311Request } from '../open311-request';
import { OPEN311_STATUSES, type Open311Status } from '../service-request.mapping';
import { ListServiceRequestsQuery, type ServiceRequestFilters } from './list-service-requests.query';

const DEFAULT_DAYS = 90;
/** `minPosition` (our extension, as on GET /tickets): a client that just wrote reads its write. */
export const READ_MODELS = ['tickets', 'reference-data'];
const DAY_MS = 86_400_000;

/** The GeoReport v2 filters; `service_request_id` alone decides when given, as the spec has it. */
export function filtersOf(p: Open311Params): ServiceRequestFilters {
  const communityId = p.get('jurisdiction_id');
  const ids = p.list('service_request_id');
  if (ids) return { communityId, ids };
  const status = p.get('status');
  if (status !== undefined && !(OPEN311_STATUSES as readonly string[]).includes(status)) {
    throw new BadRequestException('status must be open or closed');
  }
  const to = p.date('end_date');
  const from = p.date('start_date') ?? new Date((to?.getTime() ?? Date.now()) - DEFAULT_DAYS * DAY_MS);
  if (to && from > to) throw new BadRequestException('start_date must not be after end_date');
  return { communityId, category: p.get('service_code'), status: status as Open311Status | undefined, from, to };
}

@ApiTags('open311')
@ApiBearerAuth()
@Controller('open311/v2')
export class ListServiceRequestsController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(['requests.json', 'requests.xml'])
  @ApiOperation({
    summary:
      'GeoReport v2 service requests: service_request_id (comma list), service_code, start_date, end_date, status; default 90 days, ≤ 1000',
  })
  async list(@Req() request: Open311Request, @CurrentUser() user: Principal, @Res() reply: FastifyReply) {
    const params = Open311Params.of(request);
    await this.ryw.wait(params.get('minPosition'), reply, READ_MODELS);
    const requests = await this.bus.execute(new ListServiceRequestsQuery(user, filtersOf(params), originOf(request)));
    sendOpen311(reply, formatOf(request), { root: 'service_requests', item: 'request', body: requests });
  }
}
