import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThan, MoreThanOrEqual } from 'typeorm';
import { AUDIT_SEALS_STREAM, type AuditEvent, type Principal } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { HandoverRow, handoverView, monthlyReport, type MonthlyReport } from '@jinlin/projections';
import { PeopleDirectory } from '../../people/people-directory';

const SHANGHAI_MS = 8 * 3_600_000;

export type MonthSeal = Readonly<{ sealedAt: string; upTo: number; streams: number; root: string }>;

/** A handover of the community that was under way in the month, or ended in it; progress and blockers as they stand now. */
export type MonthHandover = Readonly<{
  id: string;
  status: string;
  outgoingCompanyId: string;
  incomingCompanyId: string | null;
  startedAt: string;
  finishedAt: string | null;
  percentDone: number;
  openBlockers: readonly { n: number; text: string }[];
}>;

/** Everything one month's report shows, read once for the CSV and the printable page alike. */
export type MonthlyReportData = Readonly<{
  report: MonthlyReport;
  seals: readonly MonthSeal[];
  /** Display names of the assignees, looked up when the report is made (SPEC §2.1). */
  names: ReadonlyMap<string, string>;
  handovers: readonly MonthHandover[];
}>;

function monthBounds(month: string): { from: Date; to: Date } {
  const [year, m] = month.split('-').map(Number);
  return { from: new Date(Date.UTC(year, m - 1, 1) - SHANGHAI_MS), to: new Date(Date.UTC(year, m, 1) - SHANGHAI_MS) };
}

@Injectable()
export class MonthlyReportSource {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly people: PeopleDirectory,
  ) {}

  /** Scope first: a community outside the caller's dashboards is not found, before anything else is read. */
  async load(user: Principal, communityId: string, month: string): Promise<MonthlyReportData> {
    const report = await monthlyReport(this.db, user, communityId, month, Date.now());
    const [names, seals, handovers] = await Promise.all([
      this.people.names(report.tickets.flatMap((t) => (t.assigneeId ? [t.assigneeId] : []))),
      this.sealsOf(month),
      this.handoversOf(communityId, month),
    ]);
    return { report, seals, names, handovers };
  }

  /** The month's audit seals (SPEC §8.1), for the joint meeting to countersign: the log's roots, not only this community's. */
  private async sealsOf(month: string): Promise<MonthSeal[]> {
    const { from, to } = monthBounds(month);
    const events = await this.store.readStream<AuditEvent>(AUDIT_SEALS_STREAM);
    return events
      .map((e) => e.data)
      .filter((s) => Date.parse(s.sealedAt) >= from.getTime() && Date.parse(s.sealedAt) < to.getTime())
      .map((s) => ({ sealedAt: s.sealedAt, upTo: s.upTo, streams: s.streams, root: s.root }));
  }

  /** Started before the month ended and not finished before it began: active in the month or completed in it. */
  private async handoversOf(communityId: string, month: string): Promise<MonthHandover[]> {
    const { from, to } = monthBounds(month);
    const started = { communityId, startedAt: LessThan(to) };
    const rows = await this.db.getRepository(HandoverRow).find({
      where: [
        { ...started, finishedAt: IsNull() },
        { ...started, finishedAt: MoreThanOrEqual(from) },
      ],
      order: { startedAt: 'ASC' },
    });
    return rows.map((row) => {
      const view = handoverView(row, new Date(), new Map());
      return {
        id: view.id,
        status: view.status,
        outgoingCompanyId: view.outgoingCompanyId,
        incomingCompanyId: view.incomingCompanyId,
        startedAt: view.startedAt,
        finishedAt: view.finishedAt,
        percentDone: view.percentDone,
        openBlockers: view.openBlockers.map((b) => ({ n: b.n, text: b.text })),
      };
    });
  }
}
