import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../../http/auth.guard';
import { formatOf, sendOpen311 } from '../open311-format';
import { Open311Params } from '../open311-params';
import { assertJurisdiction, services } from '../open311-services';

@ApiTags('open311')
@Controller('open311/v2')
export class ListServicesController {
  constructor(private readonly db: DataSource) {}

  @Public()
  @Get(['services.json', 'services.xml'])
  @ApiOperation({ summary: 'GeoReport v2 service list (public): the categories, named in Chinese' })
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await assertJurisdiction(this.db, Open311Params.of(request).get('jurisdiction_id'));
    sendOpen311(reply, formatOf(request), { root: 'services', item: 'service', body: services() });
  }
}
