import { Query } from '@nestjs/cqrs';
import type { CategoryCode, SlaPolicy } from '@jinlin/domain';

export type CategoryItem = Readonly<{ code: CategoryCode; nameZh: string; nameEn: string; defaultSla: SlaPolicy }>;

export class ListCategoriesQuery extends Query<{ items: CategoryItem[] }> {}
