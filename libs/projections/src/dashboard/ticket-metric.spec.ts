import type { ActorRef, TicketEvent } from '@jinlin/domain';
import type { WaitingOn } from '@jinlin/domain';
import { contributionOf } from './contribution';
import { evolveMetric, type MetricEvent, type TicketMetric } from './ticket-metric';

const at = (minutes: number) => new Date(Date.UTC(2025, 10, 11) + minutes * 60_000).toISOString();
let position = 0;
const e = (event: TicketEvent): MetricEvent => ({ ...event, globalPosition: ++position });
const ticketId = 't1';
const staff: ActorRef = { id: 's', roles: ['staff'] };
const resident: ActorRef = { id: 'r', roles: ['resident'] };
const filed = () =>
  e({
    type: 'TicketFiled',
    data: {
      ticketId,
      communityId: 'qianpu',
      companyId: 'jiayuan',
      category: 'elevator',
      title: '电梯',
      description: '电梯停了',
      location: null,
      channel: 'app',
      reporterId: resident.id,
      filedAt: at(0),
      sla: { acknowledgeWithinMinutes: 120, resolveWithinMinutes: 1440 },
      acknowledgeBy: at(120),
      resolveBy: at(1440),
      by: resident,
    },
  });
const comment = (internal: boolean, minute: number, by: ActorRef) =>
  e({ type: 'TicketCommented', data: { ticketId, text: '在看', internal, commentedAt: at(minute), by } });
const acted = (minute: number) =>
  e({ type: 'TicketActionRecorded', data: { ticketId, description: '修', recordedAt: at(minute), by: staff } });
const resolved = (minute: number) =>
  e({ type: 'TicketResolved', data: { ticketId, resolution: '好了', resolvedAt: at(minute), by: staff } });
const acknowledged = (minute: number) =>
  e({ type: 'TicketAcknowledged', data: { ticketId, message: '收到', acknowledgedAt: at(minute), by: staff } });
const waiting = (on: WaitingOn, minute: number) =>
  e({ type: 'TicketWaiting', data: { ticketId, on, reason: '等', waitingSince: at(minute), by: staff } });
const resumed = (on: WaitingOn, since: number, minute: number, resolveBy?: number) =>
  e({
    type: 'TicketResumed',
    data: {
      ticketId,
      on,
      waitingSince: at(since),
      resumedAt: at(minute),
      cause: 'resume',
      pausedSeconds: on === 'resident' ? (minute - since) * 60 : 0,
      ...(resolveBy === undefined ? {} : { resolveBy: at(resolveBy) }),
      by: staff,
    },
  });
const fold = (events: MetricEvent[]) => events.reduce<TicketMetric | null>((m, ev) => evolveMetric(m, ev), null)!;

describe('evolveMetric', () => {
  it('when the ticket is transferred, it stays with the company that had it when filed', () => {
    const m = fold([
      filed(),
      e({
        type: 'TicketTransferred',
        data: { ticketId, fromCompanyId: 'jiayuan', toCompanyId: 'haiyue', handoverId: 'qianpu-h1', transferredAt: at(5) },
      }),
    ]);
    expect(m.companyId).toBe('jiayuan');
  });

  it('when staff comment internally or residents comment, that is no response; a public staff comment is', () => {
    const quiet = fold([filed(), comment(true, 3, staff), comment(false, 4, resident)]);
    expect(quiet.firstResponseAt).toBeNull();
    const answered = fold([
      filed(),
      comment(false, 9, { id: 'm', roles: ['manager'] }),
      e({ type: 'TicketAcknowledged', data: { ticketId, message: '收到', acknowledgedAt: at(20), by: staff } }),
    ]);
    expect(answered.firstResponseAt).toBe(Date.parse(at(9)));
  });

  it('when resolved twice, the latest resolve counts and the ticket was resolved and rejected at least once', () => {
    const m = fold([
      filed(),
      acted(10),
      resolved(30),
      e({ type: 'TicketResolutionRejected', data: { ticketId, reason: '没好', rejectedAt: at(40), by: resident } }),
      resolved(90),
    ]);
    expect(m).toMatchObject({
      status: 'resolved',
      firstResponseAt: Date.parse(at(10)),
      lastResolvedAt: Date.parse(at(90)),
      everResolved: true,
      everRejected: true,
    });
  });

  it('when the resident rates, the rating counts; a rating by staff or the committee (filed before version 2) does not', () => {
    const rated = (by: ActorRef) => e({ type: 'TicketRated', data: { ticketId, score: 5, comment: null, ratedAt: at(60), by } });
    expect(fold([filed(), acted(10), resolved(30), rated(resident)]).rating).toBe(5);
    for (const by of [staff, { id: 'c', roles: ['committee'] }, { id: 'sec', roles: ['secretary'] }] as ActorRef[])
      expect(fold([filed(), acted(10), resolved(30), rated(by)]).rating).toBeNull();
  });

  it('when an event at or before the stored position comes again, nothing changes', () => {
    const first = filed();
    const again = resolved(30);
    const m = fold([first, again]);
    expect(evolveMetric(m, again)).toBe(m);
    expect(evolveMetric(m, first)).toBe(m);
  });

  it('when work is recorded during a wait, the ticket stays waiting and is in progress once resumed', () => {
    const during = fold([filed(), acknowledged(5), waiting('parts', 10), acted(20)]);
    expect(during).toMatchObject({ status: 'waiting', waitingOn: 'parts', returnsTo: 'in_progress' });
    expect(fold([filed(), acknowledged(5), waiting('parts', 10), acted(20), resumed('parts', 10, 30)])).toMatchObject({
      status: 'in_progress',
      waitingOn: null,
      waitingSince: null,
      returnsTo: null,
    });
    expect(fold([filed(), acknowledged(5), waiting('resident', 10), resumed('resident', 10, 30, 1460)])).toMatchObject({
      status: 'acknowledged',
      resolveBy: Date.parse(at(1460)),
    });
  });

  it('when waiting on the resident since before the deadline, the ticket has no due day; on parts, or once resumed, it has', () => {
    const dueDay = (events: MetricEvent[]) => contributionOf(fold(events)).dueDay;
    expect(dueDay([filed(), acknowledged(5), waiting('resident', 10)])).toBeNull();
    expect(dueDay([filed(), acknowledged(5), waiting('parts', 10)])).not.toBeNull();
    expect(dueDay([filed(), acknowledged(5), waiting('resident', 10), resumed('resident', 10, 30, 1460)])).not.toBeNull();
    // Overdue before the wait began: a pause cannot undo that.
    expect(dueDay([filed(), acknowledged(5), waiting('resident', 1500)])).not.toBeNull();
  });
});
