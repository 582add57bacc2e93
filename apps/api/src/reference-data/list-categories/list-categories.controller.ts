import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CATEGORIES, CATEGORY_CODES } from '@jinlin/domain';

@ApiTags('reference data')
@Controller('categories')
export class ListCategoriesController {
  /** The catalogue with Chinese and English names and the default SLA of each category. */
  @Get()
  list() {
    return {
      items: CATEGORY_CODES.map((code) => ({
        code,
        nameZh: CATEGORIES[code].zh,
        nameEn: CATEGORIES[code].en,
        defaultSla: CATEGORIES[code].defaultSla,
      })),
    };
  }
}
