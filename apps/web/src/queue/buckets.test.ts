import { describe, expect, it } from 'vitest';
import type { Ticket } from '../api/views';
import { inTab, isDueSoon, isOverdue, matchesFilters, mergeRows, queriesFor, sortTickets, visibleWindow, type Context } from './buckets';

const NOW = Date.parse('2026-12-03T10:00:00.000Z');
const hours = (h: number) => new Date(NOW + h * 3_600_000).toISOString();

function ticket(over: Partial<Ticket> = {}): Ticket {
  return {
    id: over.id ?? 't1',
    communityId: 'qianpu-yili-west',
    companyId: 'jiayuan-pm',
    category: 'elevator',
    title: '3号楼电梯停运',
    description: '电梯卡在5楼',
    location: { building: '3' },
    status: 'open',
    assigneeId: null,
    reporterId: 'resident-demo',
    filedAt: hours(-1),
    deadlines: { acknowledgeBy: hours(1), resolveBy: hours(23) },
    slaBreached: { acknowledge: false, resolve: false },
    slaWarned: { acknowledge: false, resolve: false },
    visibility: 'private',
    supportCount: 0,
    version: 1,
    ...over,
  };
}
const ctx: Context = { me: 'staff-demo', now: NOW, warnPercent: () => 80 };

describe('which queries load a tab', () => {
  it('asks the service for open tickets in the new tab, with the filters as set', () => {
    expect(queriesFor('new', 'staff-demo', { communityId: 'qianpu-yili-west', category: ' ', q: ' 电梯 ' })).toEqual([
      { communityId: 'qianpu-yili-west', q: '电梯', status: 'open' },
    ]);
  });
  it('asks for my tickets per unfinished status, never for the closed ones', () => {
    const queries = queriesFor('mine', 'staff-demo', {});
    expect(queries.map((q) => q.status)).toEqual(['open', 'acknowledged', 'in_progress', 'waiting']);
    expect(queries.every((q) => q.assigneeId === 'staff-demo')).toBe(true);
  });
  it('uses waiting=true and overdue=true where the service has them', () => {
    expect(queriesFor('waiting', 'me', {})).toEqual([{ waiting: true }]);
    expect(queriesFor('overdue', 'me', { building: '3' })).toEqual([
      { building: '3', overdue: true },
      { building: '3', status: 'open' },
    ]);
  });
});

describe('the tabs', () => {
  it('puts an open ticket in new, and mine only when it is assigned to me', () => {
    expect(inTab('new', ticket(), ctx)).toBe(true);
    expect(inTab('mine', ticket(), ctx)).toBe(false);
    expect(inTab('mine', ticket({ assigneeId: 'staff-demo', status: 'in_progress' }), ctx)).toBe(true);
    expect(inTab('mine', ticket({ assigneeId: 'staff-demo', status: 'closed' }), ctx)).toBe(false);
  });

  it('calls a ticket overdue once a deadline it still owes has passed, or the service said it was breached', () => {
    expect(isOverdue(ticket({ deadlines: { acknowledgeBy: hours(-0.5), resolveBy: hours(23) } }), NOW)).toBe(true);
    // Acknowledged: the acknowledge deadline no longer counts.
    expect(isOverdue(ticket({ status: 'acknowledged', deadlines: { acknowledgeBy: hours(-0.5), resolveBy: hours(23) } }), NOW)).toBe(false);
    expect(isOverdue(ticket({ status: 'in_progress', slaBreached: { acknowledge: false, resolve: true } }), NOW)).toBe(true);
    expect(isOverdue(ticket({ status: 'resolved', deadlines: { acknowledgeBy: hours(-5), resolveBy: hours(-2) } }), NOW)).toBe(false);
  });

  it('stops the clock while waiting on the resident, unless the deadline had passed before the wait', () => {
    const late = { acknowledgeBy: hours(-20), resolveBy: hours(-1) };
    const waitingOnResident = ticket({ status: 'waiting', waitingOn: 'resident', waitingSince: hours(-3), deadlines: late });
    expect(isOverdue(waitingOnResident, NOW)).toBe(false);
    expect(isOverdue({ ...waitingOnResident, waitingSince: hours(-0.5) }, NOW)).toBe(true);
    // Waiting on parts does not stop it.
    expect(isOverdue({ ...waitingOnResident, waitingOn: 'parts' }, NOW)).toBe(true);
    expect(inTab('waiting', waitingOnResident, ctx)).toBe(true);
  });

  it('calls a ticket due soon past warnAtPercent of its deadline, or when the service warned', () => {
    // Filed 1 h ago, acknowledge by 1 h from now: 50 % passed.
    expect(isDueSoon(ticket(), ctx)).toBe(false);
    expect(isDueSoon(ticket(), { ...ctx, warnPercent: () => 40 })).toBe(true);
    expect(isDueSoon(ticket({ slaWarned: { acknowledge: true, resolve: false } }), ctx)).toBe(true);
    // The resolve deadline counts once acknowledged: filed 1 h ago, 23 h left.
    expect(isDueSoon(ticket({ status: 'acknowledged', slaWarned: { acknowledge: true, resolve: false } }), ctx)).toBe(false);
    expect(
      isDueSoon(ticket({ filedAt: hours(-20), status: 'in_progress', deadlines: { acknowledgeBy: null, resolveBy: hours(2) } }), ctx),
    ).toBe(true);
    // Overdue is not "soon".
    expect(inTab('dueSoon', ticket({ deadlines: { acknowledgeBy: hours(-1), resolveBy: hours(20) } }), ctx)).toBe(false);
  });
});

describe('filters, order and merging', () => {
  it('applies the filters to a ticket read on its own as the service would', () => {
    expect(matchesFilters(ticket(), { communityId: 'qianpu-yili-west', category: 'elevator', building: '3', q: '5楼' })).toBe(true);
    expect(matchesFilters(ticket(), { building: '4' })).toBe(false);
    expect(matchesFilters(ticket(), { q: '漏水' })).toBe(false);
  });

  it('puts the nearest deadline first and a stopped clock last', () => {
    const a = ticket({ id: 'a', deadlines: { acknowledgeBy: hours(5), resolveBy: hours(30) } });
    const b = ticket({ id: 'b', deadlines: { acknowledgeBy: hours(0.5), resolveBy: hours(30) } });
    const c = ticket({
      id: 'c',
      status: 'waiting',
      waitingOn: 'resident',
      waitingSince: hours(-1),
      deadlines: { acknowledgeBy: null, resolveBy: hours(1) },
    });
    const d = ticket({ id: 'd', status: 'in_progress', deadlines: { acknowledgeBy: hours(-9), resolveBy: hours(2) } });
    expect(sortTickets([c, a, d, b], 'urgent').map((t) => t.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(
      sortTickets([ticket({ id: 'old', filedAt: hours(-9) }), ticket({ id: 'new', filedAt: hours(-1) })], 'newest').map((t) => t.id),
    ).toEqual(['new', 'old']);
  });

  it('replaces a row by its newer version, drops one that left the tab, and never goes back a version', () => {
    const rows = new Map([['t1', ticket({ version: 3 })]]);
    const keepOpen = (t: Ticket) => t.status === 'open';
    expect(mergeRows(rows, [ticket({ version: 2, title: 'stale' })], keepOpen).get('t1')?.version).toBe(3);
    expect(mergeRows(rows, [ticket({ version: 4, status: 'acknowledged' })], keepOpen).has('t1')).toBe(false);
    expect(mergeRows(rows, [ticket({ id: 't2' })], keepOpen).size).toBe(2);
    // The same rows again: the same map, so the list is not sorted and drawn again.
    expect(mergeRows(rows, [ticket({ version: 3 })], keepOpen)).toBe(rows);
    expect(mergeRows(rows, [ticket({ id: 't3', status: 'closed' })], keepOpen)).toBe(rows);
  });

  it('renders only the rows in view, plus a few around them', () => {
    expect(visibleWindow(0, 720, 72, 5000, 5)).toEqual({ start: 0, end: 15, offset: 0, total: 360_000 });
    expect(visibleWindow(72_000, 720, 72, 5000, 5)).toEqual({ start: 995, end: 1015, offset: 71_640, total: 360_000 });
    expect(visibleWindow(359_500, 720, 72, 5000, 5).end).toBe(5000);
  });
});
