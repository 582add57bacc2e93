import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CATEGORIES, CATEGORY_CODES } from '@jinlin/domain';
import { ListCategoriesQuery } from './list-categories.query';

/** The catalogue with Chinese and English names and the default SLA of each category. */
@QueryHandler(ListCategoriesQuery)
export class ListCategoriesHandler implements IQueryHandler<ListCategoriesQuery> {
  async execute() {
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
