import { ApiProperty } from '@nestjs/swagger';
import { CATEGORY_CODES, SLA_CLOCKS, type SlaPolicy, type WorkingHours } from '@jinlin/domain';
import { describes } from '../http/api-docs';
import type { CommunityView } from './get-community/get-community.query';
import type { CategoryItem } from './list-categories/list-categories.query';
import type { CommunityListItem } from './list-communities/list-communities.query';
import type { CompanyListItem } from './list-companies/list-companies.query';

/** The reference-data read models as OpenAPI schemas; `describes` stops the build when they part ways. */
export class SlaPolicyViewDto {
  @ApiProperty({ example: 30 }) acknowledgeWithinMinutes: number;
  @ApiProperty({ example: 240 }) resolveWithinMinutes: number;
  @ApiProperty({ enum: SLA_CLOCKS, example: 'continuous' }) clock: string;
  @ApiProperty({ minimum: 1, maximum: 99, example: 80 }) warnAtPercent: number;
  @ApiProperty({ type: [Number], example: [0, 240, 1440] }) escalateAfterBreachMinutes: number[];
}
describes<SlaPolicyViewDto, SlaPolicy>(true);

export class WorkingHoursViewDto {
  @ApiProperty({ pattern: '^\\d{2}:\\d{2}$', example: '08:30' }) start: string;
  @ApiProperty({ pattern: '^\\d{2}:\\d{2}$', example: '17:30' }) end: string;
}
describes<WorkingHoursViewDto, WorkingHours>(true);

export class CategoryItemDto {
  @ApiProperty({ enum: CATEGORY_CODES, example: 'elevator' }) code: string;
  @ApiProperty({ example: '电梯' }) nameZh: string;
  @ApiProperty({ example: 'Elevator' }) nameEn: string;
  @ApiProperty({ type: SlaPolicyViewDto }) defaultSla: SlaPolicyViewDto;
}
describes<CategoryItemDto, CategoryItem>(true);

export class CategoryListDto {
  @ApiProperty({ type: [CategoryItemDto] }) items: CategoryItemDto[];
}

export class CommunityListItemDto {
  @ApiProperty({ example: 'qianpu-yili-west' }) id: string;
  @ApiProperty({ example: '前埔一里西小区' }) name: string;
  @ApiProperty({ example: '莲前街道' }) subdistrict: string;
  @ApiProperty({ example: '前埔一里社区' }) neighbourhood: string;
  @ApiProperty({ description: 'the company that manages it now', example: 'jiayuan-pm' }) propertyCompanyId: string;
}
describes<CommunityListItemDto, CommunityListItem>(true);

export class CommunityListDto {
  @ApiProperty({ type: [CommunityListItemDto] }) items: CommunityListItemDto[];
}

export class CommunityViewDto extends CommunityListItemDto {
  @ApiProperty({ type: Number, nullable: true, example: 1100 }) households: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/SlaPolicyViewDto' },
    description: 'the policy in force for each category code, defaults filled in',
  })
  slaPolicies: Record<string, SlaPolicyViewDto>;
  @ApiProperty({ type: WorkingHoursViewDto }) workingHours: WorkingHoursViewDto;
}
describes<CommunityViewDto, CommunityView>(true);

export class CompanyListItemDto {
  @ApiProperty({ example: 'jiayuan-pm' }) id: string;
  @ApiProperty({ example: '嘉园物业' }) name: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-02T01:30:00.000Z' }) registeredAt: string;
  @ApiProperty({ type: [String], description: 'the communities it manages now', example: ['qianpu-yili-west'] }) communities: string[];
}
describes<CompanyListItemDto, CompanyListItem>(true);

export class CompanyListDto {
  @ApiProperty({ type: [CompanyListItemDto] }) items: CompanyListItemDto[];
}
