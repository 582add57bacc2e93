import { evolveMetric, type MetricEvent, type TicketMetric } from './ticket-metric';

const at = (minutes: number) => new Date(Date.UTC(2025, 10, 11) + minutes * 60_000).toISOString();
let position = 0;
const e = (type: string, data: Record<string, unknown>): MetricEvent => ({
  type,
  data: { ticketId: 't1', ...data },
  globalPosition: ++position,
});
const staff = { id: 's', roles: ['staff'] };
const filed = () =>
  e('TicketFiled', {
    communityId: 'qianpu',
    companyId: 'jiayuan',
    category: 'elevator',
    title: '电梯',
    filedAt: at(0),
    acknowledgeBy: at(120),
    resolveBy: at(1440),
  });
const fold = (events: MetricEvent[]) => events.reduce<TicketMetric | null>((m, ev) => evolveMetric(m, ev), null)!;

describe('evolveMetric', () => {
  it('when the ticket is transferred, it stays with the company that had it when filed', () => {
    const m = fold([filed(), e('TicketTransferred', { fromCompanyId: 'jiayuan', toCompanyId: 'haiyue', transferredAt: at(5) })]);
    expect(m.companyId).toBe('jiayuan');
  });

  it('when staff comment internally or residents comment, that is no response; a public staff comment is', () => {
    const quiet = fold([
      filed(),
      e('TicketCommented', { internal: true, commentedAt: at(3), by: staff }),
      e('TicketCommented', { internal: false, commentedAt: at(4), by: { id: 'r', roles: ['resident'] } }),
    ]);
    expect(quiet.firstResponseAt).toBeNull();
    const answered = fold([
      filed(),
      e('TicketCommented', { internal: false, commentedAt: at(9), by: { id: 'm', roles: ['manager'] } }),
      e('TicketAcknowledged', { acknowledgedAt: at(20) }),
    ]);
    expect(answered.firstResponseAt).toBe(Date.parse(at(9)));
  });

  it('when resolved twice, the latest resolve counts and the ticket was resolved and rejected at least once', () => {
    const m = fold([
      filed(),
      e('TicketActionRecorded', { recordedAt: at(10), by: staff }),
      e('TicketResolved', { resolvedAt: at(30), by: staff }),
      e('TicketResolutionRejected', { rejectedAt: at(40) }),
      e('TicketResolved', { resolvedAt: at(90), by: staff }),
    ]);
    expect(m).toMatchObject({
      status: 'resolved',
      firstResponseAt: Date.parse(at(10)),
      lastResolvedAt: Date.parse(at(90)),
      everResolved: true,
      everRejected: true,
    });
  });

  it('when an event at or before the stored position comes again, nothing changes', () => {
    const first = filed();
    const resolved = e('TicketResolved', { resolvedAt: at(30), by: staff });
    const m = fold([first, resolved]);
    expect(evolveMetric(m, resolved)).toBe(m);
    expect(evolveMetric(m, first)).toBe(m);
  });
});
