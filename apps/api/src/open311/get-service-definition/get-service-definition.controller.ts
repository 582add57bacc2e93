import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { BUILDINGS_PROJECTION } from '@jinlin/projections';
import { Public } from '../../http/auth.guard';
import { ReadYourWrites } from '../../http/read-your-writes';
import { formatOf, sendOpen311, stemOf } from '../open311-format';
import { Open311Params } from '../open311-params';
import { assertJurisdiction, buildingsOf, serviceCodeOf } from '../open311-services';

@ApiTags('open311')
@Controller('open311/v2/services')
export class GetServiceDefinitionController {
  constructor(
    private readonly db: DataSource,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Public()
  @Get(':file')
  @ApiOperation({ summary: "GeoReport v2 service definition (public): building (the jurisdiction's buildings), unit, room" })
  async get(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const code = serviceCodeOf(/\.(json|xml)$/.test(file) ? stemOf(file) : file);
    const params = Open311Params.of(request);
    // A building just put shows at once to whoever passes its position (as on GET /communities/:id/buildings).
    await this.ryw.wait(params.get('minPosition'), reply, [BUILDINGS_PROJECTION, 'reference-data']);
    const communityId = params.get('jurisdiction_id');
    await assertJurisdiction(this.db, communityId);
    const body = { service_code: code, attributes: attributes(await buildingsOf(this.db, communityId)) };
    sendOpen311(reply, formatOf(request), { root: 'service_definition', item: null, body });
  }
}

/** The place of SPEC §4.5 as GeoReport attributes: `attribute[building]`, `attribute[unit]`, `attribute[room]`. */
function attributes(buildings: { key: string; name: string }[]) {
  const text = (code: string, order: number, description: string, hint: string) => ({
    variable: true,
    code,
    datatype: 'string',
    required: false,
    datatype_description: hint,
    order,
    description,
  });
  return [
    {
      variable: true,
      code: 'building',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: '本小区登记的楼栋（也可用 address_id 传楼栋编号）',
      order: 1,
      description: '楼栋',
      values: buildings,
    },
    text('unit', 2, '单元', '如 2单元，须为该楼栋登记的单元'),
    text('room', 3, '房号', '如 1203'),
  ];
}
