import { DeciderSpec } from '@jinlin/testing';
import { workCalendar } from '../calendar/work-calendar';
import { completePolicy, type CategoryCode } from '../catalogue/categories';
import type { Community } from '../community/community';
import type { Principal } from '../shared/principal';
import type { BusinessClock, TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decide';
import type { TicketEvent, WaitingOn } from './ticket.events';
import type { FiledTicket, Ticket } from './ticket.state';

/**
 * SPEC §4.2 rule 6 and §4.9: waiting on the resident stops the clock, waiting on parts or a third
 * party does not; the reporter's comment ends a wait on the resident; resolve and withdraw end any.
 */
const given = DeciderSpec.for(ticketDecider);
const sh = (local: string) => new Date(`${local}:00+08:00`).toISOString();

const resident: Principal = { id: 'res-1', roles: ['resident'], communities: ['qianpu'] };
const staff: Principal = { id: 'staff-1', roles: ['staff'], communities: [], companyId: 'jiayuan' };
const committee: Principal = { id: 'com-1', roles: ['committee'], communities: ['qianpu'] };
const system: Principal = { id: 'system', roles: ['admin'], communities: [] };

const community: Community = {
  exists: true,
  id: 'qianpu',
  name: '前埔',
  propertyCompanyId: 'jiayuan',
  slaPolicies: {
    // 1 hour to answer, 10 to fix, warned at half: round numbers for the arithmetic below.
    elevator: completePolicy('elevator', { acknowledgeWithinMinutes: 60, resolveWithinMinutes: 600, warnAtPercent: 50 }),
    sanitation: completePolicy('sanitation', { acknowledgeWithinMinutes: 60, resolveWithinMinutes: 600, warnAtPercent: 50 }),
  },
};
const business: BusinessClock = { hours: { start: '08:30', end: '17:30' }, calendar: workCalendar([]) };

const command = (type: string, data: object, actor: Principal, now: string): TicketCommand =>
  ({ type, data, metadata: { actor, now, managingCompanyId: 'jiayuan', businessClock: business } }) as TicketCommand;
const fileAt = (now: string, category: CategoryCode = 'elevator'): TicketCommand => ({
  type: 'FileTicket',
  data: { ticketId: 't-1', communityId: 'qianpu', category, title: '电梯', description: '停了', location: null, channel: 'app', community },
  metadata: { actor: resident, now, businessClock: business },
});
const ack = (now: string) => command('AcknowledgeTicket', { message: '收到' }, staff, now);
const act = (now: string) => command('RecordAction', { description: '上门' }, staff, now);
const wait = (now: string, on: WaitingOn = 'resident', actor = staff) => command('WaitTicket', { on, reason: '约不上住户' }, actor, now);
const resume = (now: string, actor = staff) => command('ResumeTicket', {}, actor, now);
const comment = (now: string, actor: Principal, internal = false) => command('CommentOnTicket', { text: '我在家', internal }, actor, now);
const resolve = (now: string) => command('ResolveTicket', { resolution: '修好了' }, staff, now);
const withdraw = (now: string) => command('WithdrawTicket', { reason: null }, resident, now);
const breach = (now: string) => command('BreachSla', { kind: 'resolve' }, system, now);
const warn = (now: string) => command('WarnSla', { kind: 'resolve' }, system, now);

/** Decides each command on the state the ones before left: the events the real sequence records. */
function play(commands: readonly TicketCommand[]): { events: TicketEvent[]; state: FiledTicket } {
  let state: Ticket = ticketDecider.initialState();
  const events: TicketEvent[] = [];
  for (const c of commands) {
    const out = ticketDecider.decide(c, state);
    events.push(...out);
    state = out.reduce(ticketDecider.evolve, state);
  }
  return { events, state: state as FiledTicket };
}

const T0 = '2026-11-02T08:00:00.000Z'; // a Monday, 16:00 in Shanghai
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

describe('waiting', () => {
  it('when staff wait on an acknowledged ticket, it is waiting, and returns to acknowledged on resume', () => {
    const { events, state } = play([fileAt(T0), ack(at(5)), wait(at(10))]);
    expect(events.at(-1)).toMatchObject({ type: 'TicketWaiting', data: { on: 'resident', waitingSince: at(10), by: { id: 'staff-1' } } });
    expect(state.status).toBe('waiting');
    expect(play([fileAt(T0), ack(at(5)), wait(at(10)), resume(at(20))]).state.status).toBe('acknowledged');
  });

  it('when work is recorded during the wait, the wait goes on and ends in progress', () => {
    const { state } = play([fileAt(T0), ack(at(5)), wait(at(10)), act(at(15))]);
    expect(state.status).toBe('waiting');
    expect(play([fileAt(T0), ack(at(5)), wait(at(10)), act(at(15)), resume(at(20))]).state.status).toBe('in_progress');
  });

  it('when the ticket is still open, it cannot wait (nobody has looked at it yet)', () => {
    const { events } = play([fileAt(T0)]);
    given(events)
      .when(wait(at(1)))
      .thenThrows('CANNOT_WAIT');
  });

  it('when it is already waiting, a second wait is refused', () => {
    const { events } = play([fileAt(T0), ack(at(5)), wait(at(10))]);
    given(events)
      .when(wait(at(11), 'parts'))
      .thenThrows('ALREADY_WAITING');
  });

  it('when it is not waiting, a resume is refused', () => {
    const { events } = play([fileAt(T0), ack(at(5))]);
    given(events)
      .when(resume(at(6)))
      .thenThrows('NOT_WAITING');
  });

  it('when a resident or the committee asks to wait, only the company may', () => {
    const { events } = play([fileAt(T0), ack(at(5))]);
    given(events)
      .when(wait(at(6), 'resident', resident))
      .thenThrows('COMPANY_ONLY');
    given(events)
      .when(wait(at(6), 'resident', committee))
      .thenThrows('COMPANY_ONLY');
  });

  it('when the ticket is resolved, it cannot wait', () => {
    const { events } = play([fileAt(T0), ack(at(5)), act(at(6)), resolve(at(7))]);
    given(events)
      .when(wait(at(8)))
      .thenThrows('CANNOT_WAIT');
  });
});

describe('the paused clock (continuous policy)', () => {
  it('when a wait on the resident ends, the resolve deadline and its warning move back by the wait', () => {
    const { events, state } = play([fileAt(T0), ack(at(5)), wait(at(10)), resume(at(100))]);
    expect(events.at(-1)).toMatchObject({
      type: 'TicketResumed',
      data: { cause: 'resume', pausedSeconds: 90 * 60, resolveBy: at(600 + 90), resolveWarnAt: at(300 + 90) },
    });
    expect(state).toMatchObject({ resolveBy: at(690), pausedSeconds: 5400, waiting: null });
  });

  it('when several waits on the resident end, the pauses add up', () => {
    const { state } = play([fileAt(T0), ack(at(5)), wait(at(10)), resume(at(40)), wait(at(50)), resume(at(60))]);
    expect(state).toMatchObject({ resolveBy: at(640), pausedSeconds: 40 * 60 });
  });

  it('when the wait is on parts or a third party, the clock keeps running', () => {
    for (const on of ['parts', 'third_party'] as const) {
      const { events, state } = play([fileAt(T0), ack(at(5)), wait(at(10), on), resume(at(100))]);
      expect(events.at(-1)).toMatchObject({ type: 'TicketResumed', data: { on, pausedSeconds: 0 } });
      expect(events.at(-1)!.data).not.toHaveProperty('resolveBy');
      expect(state.resolveBy).toBe(at(600));
    }
  });

  it('when the deadline had passed before the wait began, the wait does not move it (a pause cannot undo a breach)', () => {
    const { events, state } = play([fileAt(T0), ack(at(5)), wait(at(700)), resume(at(800))]);
    expect(events.at(-1)!.data).not.toHaveProperty('resolveBy');
    expect(state.resolveBy).toBe(at(600));
  });

  it('when the resolve breach was recorded before the wait, the resume moves nothing', () => {
    const { events } = play([fileAt(T0), ack(at(5)), breach(at(601)), wait(at(610)), resume(at(620))]);
    expect(events.at(-1)!.data).not.toHaveProperty('resolveBy');
  });

  it('when the timer asks for the breach while the ticket waits on the resident, nothing is recorded', () => {
    const { events } = play([fileAt(T0), ack(at(5)), wait(at(10))]);
    given(events)
      .when(breach(at(700)))
      .then([]);
    given(events)
      .when(warn(at(400)))
      .then([]);
  });

  it('when the timer asks during a wait on parts, the breach is recorded at the old deadline', () => {
    const { events } = play([fileAt(T0), ack(at(5)), wait(at(10), 'parts')]);
    given(events)
      .when(breach(at(600)))
      .thenMatches([{ type: 'TicketSlaBreached', data: { kind: 'resolve', deadline: at(600) } as never }]);
  });

  it('when the timer asks after the resume, the breach comes at the pushed-back deadline and not before', () => {
    const { events } = play([fileAt(T0), ack(at(5)), wait(at(10)), resume(at(100))]);
    given(events)
      .when(breach(at(689)))
      .then([]);
    given(events)
      .when(breach(at(690)))
      .thenMatches([{ type: 'TicketSlaBreached', data: { deadline: at(690) } as never }]);
  });
});

describe('the paused clock (business policy, 08:30-17:30 Monday to Friday)', () => {
  // Filed Monday 2026-11-02 at 10:00 Shanghai: 450 minutes on Monday, 150 on Tuesday, due 11:00.
  const filed = sh('2026-11-02T10:00');

  it('when filed, the deadlines run only in working time', () => {
    const { state } = play([fileAt(filed, 'sanitation')]);
    expect(state).toMatchObject({ resolveBy: sh('2026-11-03T11:00'), slaClock: 'business' });
    expect(state.warnAt.resolve).toBe(sh('2026-11-02T15:00')); // 300 minutes
  });

  it('when the resident kept the company waiting over a night, only the working minutes of the wait push the deadline', () => {
    // Waiting from Monday 17:00 to Tuesday 09:00: 30 minutes on Monday, 30 on Tuesday.
    const { events, state } = play([
      fileAt(filed, 'sanitation'),
      ack(sh('2026-11-02T10:05')),
      wait(sh('2026-11-02T17:00')),
      resume(sh('2026-11-03T09:00')),
    ]);
    expect(events.at(-1)).toMatchObject({ data: { pausedSeconds: 16 * 3600, resolveBy: sh('2026-11-03T12:00') } });
    expect(state.resolveBy).toBe(sh('2026-11-03T12:00'));
  });
});

describe('what ends a wait', () => {
  it('when the reporter comments on a wait on the resident, the system resumes it before the comment', () => {
    const { events, state } = play([fileAt(T0), ack(at(5)), wait(at(10)), comment(at(40), resident)]);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['TicketResumed', 'TicketCommented']);
    expect(events.at(-2)).toMatchObject({ data: { cause: 'reporter_comment', by: { id: 'system' }, resolveBy: at(630) } });
    expect(state.status).toBe('acknowledged');
  });

  it('when someone else comments, or the reporter comments on a wait on parts, the wait goes on', () => {
    expect(play([fileAt(T0), ack(at(5)), wait(at(10)), comment(at(40), committee)]).state.status).toBe('waiting');
    expect(play([fileAt(T0), ack(at(5)), wait(at(10)), comment(at(40), staff)]).state.status).toBe('waiting');
    expect(play([fileAt(T0), ack(at(5)), wait(at(10), 'parts'), comment(at(40), resident)]).state.status).toBe('waiting');
  });

  it('when the ticket is resolved while waiting, the wait ends first and the resolve is judged on the pushed deadline', () => {
    const { events, state } = play([fileAt(T0), ack(at(5)), act(at(6)), wait(at(10)), resolve(at(650))]);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['TicketResumed', 'TicketResolved']);
    expect(events.at(-2)).toMatchObject({ data: { cause: 'resolve', by: { id: 'staff-1' }, pausedSeconds: 640 * 60 } });
    expect(state).toMatchObject({ status: 'resolved', waiting: null, resolveBy: at(1240) });
    given(events)
      .when(breach(at(2000)))
      .then([]);
  });

  it('when the reporter withdraws while waiting, it is withdrawn and waits no more', () => {
    const { state } = play([fileAt(T0), ack(at(5)), wait(at(10)), withdraw(at(20))]);
    expect(state).toMatchObject({ status: 'withdrawn', waiting: null });
  });
});
