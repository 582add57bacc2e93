import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AUDIT_SEALS_STREAM, type AuditEvent } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { monthlyReport } from '@jinlin/projections';
import { PeopleDirectory } from '../../people/people-directory';
import { toCsv, type CsvFile } from '../csv';
import { MonthlyReportQuery } from './monthly-report.query';
import { monthlyRows, type MonthSeal } from './monthly-report.rows';

const SHANGHAI_MS = 8 * 3_600_000;

@QueryHandler(MonthlyReportQuery)
export class MonthlyReportHandler implements IQueryHandler<MonthlyReportQuery> {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ user, communityId, month }: MonthlyReportQuery): Promise<CsvFile> {
    const report = await monthlyReport(this.db, user, communityId, month, Date.now());
    const names = await this.people.names(report.tickets.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])));
    return {
      csv: toCsv(monthlyRows(report, await this.sealsOf(month), names)),
      filename: `jinlin-monthly-${report.community.id}-${report.month}.csv`,
      asOfPosition: report.summary.asOfPosition,
    };
  }

  /** The month's audit seals (SPEC §8.1), for the joint meeting to countersign: the log's roots, not only this community's. */
  private async sealsOf(month: string): Promise<MonthSeal[]> {
    const [year, m] = month.split('-').map(Number);
    const from = Date.UTC(year, m - 1, 1) - SHANGHAI_MS;
    const to = Date.UTC(year, m, 1) - SHANGHAI_MS;
    const events = await this.store.readStream<AuditEvent>(AUDIT_SEALS_STREAM);
    return events
      .map((e) => e.data)
      .filter((s) => Date.parse(s.sealedAt) >= from && Date.parse(s.sealedAt) < to)
      .map((s) => ({ sealedAt: s.sealedAt, upTo: s.upTo, streams: s.streams, root: s.root }));
  }
}
