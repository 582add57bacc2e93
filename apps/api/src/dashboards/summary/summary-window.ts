import { BadRequestException } from '@nestjs/common';
import type { SummaryQuery } from '@jinlin/projections';
import { parseInstant } from '../instant';
import type { SummaryQueryDto } from './summary.dto';

const DEFAULT_DAYS = 30;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
const MAX_SPAN_MS = 1096 * 86_400_000;

/** The validated query as the read model takes it; "the last 30 days" unless told otherwise. */
export function toSummaryQuery(dto: SummaryQueryDto, now: number): SummaryQuery {
  const to = dto.to === undefined ? now : parseInstant(dto.to)!;
  const from = dto.from === undefined ? to - DEFAULT_DAYS * 86_400_000 : parseInstant(dto.from)!;
  // SPEC §6. Beyond them PostgreSQL's time zone arithmetic fails (year 9999), and a span of
  // decades by day is seconds of work for one request.
  const outside = (['from', 'to'] as const).filter(
    (name) => (name === 'from' ? from : to) < EARLIEST || (name === 'from' ? from : to) > LATEST,
  );
  if (outside.length) throw new BadRequestException(outside.map((name) => `${name} must lie within 2000-01-01 and 2100-01-01`));
  if (dto.groupBy === 'building' && dto.communityId === undefined) {
    throw new BadRequestException(['groupBy=building needs communityId: building codes are per community']);
  }
  if (from >= to) throw new BadRequestException(['from must be before to']);
  if (to - from > MAX_SPAN_MS) throw new BadRequestException(['from and to must be at most 3 years (1096 days) apart']);
  return { communityId: dto.communityId, companyId: dto.companyId, category: dto.category, groupBy: dto.groupBy, from, to, now };
}

/** The projections a dashboard reads: the metrics, and who manages which community for the scope. */
export const DASHBOARD_PROJECTIONS = ['ticket-metrics', 'reference-data'];
