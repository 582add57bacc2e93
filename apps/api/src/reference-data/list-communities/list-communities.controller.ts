import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CommunityRow } from '@jinlin/projections';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('communities')
export class ListCommunitiesController {
  constructor(private readonly db: DataSource) {}

  /** Communities are public facts (name, district, company); the dashboard's picker lists them. */
  @Get()
  @ApiOperation({ summary: 'all registered communities with the company that manages each now' })
  async list() {
    const rows = await this.db.getRepository(CommunityRow).find({ order: { id: 'ASC' } });
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        subdistrict: r.subdistrict,
        neighbourhood: r.neighbourhood,
        propertyCompanyId: r.propertyCompanyId,
      })),
    };
  }
}
