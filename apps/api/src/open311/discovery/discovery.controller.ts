import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../http/auth.guard';
import { formatOf, sendOpen311 } from '../open311-format';
import { originOf } from '../open311-request';

/** When the façade's shape last changed (GeoReport's `changeset`): bump it with the endpoints. */
const CHANGESET = '2026-12-03T00:00:00Z';

@ApiTags('open311')
@Controller('open311')
export class DiscoveryController {
  @Public()
  @Get(['discovery.json', 'discovery.xml'])
  @ApiOperation({ summary: 'Open311 service discovery (public): the GeoReport v2 endpoint of this service' })
  discovery(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const body = {
      changeset: CHANGESET,
      contact: '近邻 Jinlin：请联系小区物业或社区居委会',
      key_service: 'api_key 即近邻签发的 Bearer 令牌',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${originOf(request)}/open311/v2`,
          changeset: CHANGESET,
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ],
    };
    sendOpen311(reply, formatOf(request), { root: 'discovery', item: null, body });
  }
}
