import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ListCategoriesQuery } from './list-categories.query';
import { ApiRead } from '../../http/api-docs';
import { CategoryListDto } from '../reference-data-view.dto';

@ApiTags('reference data')
@Controller('categories')
export class ListCategoriesController {
  constructor(private readonly bus: QueryBus) {}

  /** The catalogue with Chinese and English names and the default SLA of each category. */
  @Get()
  @ApiRead({ type: CategoryListDto })
  list() {
    return this.bus.execute(new ListCategoriesQuery());
  }
}
