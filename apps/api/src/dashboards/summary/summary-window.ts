import { BadRequestException } from '@nestjs/common';
import type { SummaryQuery } from '@jinlin/projections';
import { parseInstant } from '../instant';
import type { SummaryQueryDto } from './summary.dto';

const DEFAULT_DAYS = 30;

/** The validated query as the read model takes it; "the last 30 days" unless told otherwise. */
export function toSummaryQuery(dto: SummaryQueryDto, now: number): SummaryQuery {
  const to = dto.to === undefined ? now : parseInstant(dto.to)!;
  const from = dto.from === undefined ? to - DEFAULT_DAYS * 86_400_000 : parseInstant(dto.from)!;
  if (from >= to) throw new BadRequestException(['from must be before to']);
  return { communityId: dto.communityId, companyId: dto.companyId, category: dto.category, groupBy: dto.groupBy, from, to, now };
}

/** The projections a dashboard reads: the metrics, and who manages which community for the scope. */
export const DASHBOARD_PROJECTIONS = ['ticket-metrics', 'reference-data'];
