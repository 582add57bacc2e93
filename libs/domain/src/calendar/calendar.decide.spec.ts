import { DeciderSpec } from '@jinlin/testing';
import type { Principal } from '../shared/principal';
import { calendarDecider, type CalendarCommand, type CalendarEvent } from './calendar.decide';

const given = DeciderSpec.for(calendarDecider);
const NOW = '2026-12-03T02:00:00.000Z';
const admin: Principal = { id: 'adm', roles: ['admin'], communities: [] };
const adminRef = { id: 'adm', roles: ['admin'] as const };

// An illustrative 2027 (the State Council's notice is not out when this is written).
const body = { holidays: ['2027-02-06', '2027-02-05', '2027-01-01'], workdays: ['2027-02-14'] };
const put = (data: Partial<CalendarCommand['data']> = {}, actor: Principal = admin): CalendarCommand => ({
  type: 'SetCalendarYear',
  data: { year: 2027, ...body, ...data },
  metadata: { actor, now: NOW },
});
const set2027: CalendarEvent = {
  type: 'CalendarYearSet',
  data: { year: 2027, holidays: ['2027-01-01', '2027-02-05', '2027-02-06'], workdays: ['2027-02-14'], setAt: NOW, by: adminRef },
};

describe('setting a year of the mainland-China calendar', () => {
  it('when an admin sets a year, it is recorded whole with its dates sorted', () => given([]).when(put()).then([set2027]));

  it('when the same year is set again in another order, nothing is appended', () =>
    given([set2027])
      .when(put({ holidays: ['2027-02-05', '2027-01-01', '2027-02-06'] }))
      .then([]));

  it('when a year already set is set differently, the new year replaces it', () =>
    given([set2027])
      .when(put({ workdays: ['2027-02-14', '2027-02-20'] }))
      .then([{ ...set2027, data: { ...set2027.data, workdays: ['2027-02-14', '2027-02-20'] } }]));

  it('when another year was set, this year is still recorded', () =>
    given([{ ...set2027, data: { ...set2027.data, year: 2028, holidays: ['2028-01-01'], workdays: [] } }])
      .when(put())
      .then([set2027]));

  it.each([
    ['a manager', { id: 'mgr-1', roles: ['manager'], communities: [], companyId: 'jiayuan' }],
    ['a committee member', { id: 'com-1', roles: ['committee'], communities: ['qianpu'] }],
    ['a resident', { id: 'res-1', roles: ['resident'], communities: ['qianpu'] }],
  ] as [string, Principal][])('when %s sets a year, it is refused', (_, actor) => given([]).when(put({}, actor)).thenThrows('ADMIN_ONLY'));

  it.each([
    ['a date outside the year', { holidays: ['2026-12-31'] }],
    ['a day that does not exist', { holidays: ['2027-02-29'] }],
    ['a date listed twice', { workdays: ['2027-02-14', '2027-02-14'] }],
    ['a day both a holiday and a workday', { workdays: ['2027-02-05'] }],
    ['a year out of range', { year: 1999, holidays: ['1999-01-01'], workdays: [] }],
  ])('when the body has %s, it is refused', (_, data) => given([]).when(put(data)).thenThrows('CALENDAR_YEAR_INVALID'));

  it('when folded, the state holds each year set, the latest of each', () => {
    const later: CalendarEvent = { ...set2027, data: { ...set2027.data, workdays: [], setAt: '2026-12-04T00:00:00.000Z' } };
    const state = [set2027, later].reduce(calendarDecider.evolve, calendarDecider.initialState());
    expect([...state.years.keys()]).toEqual([2027]);
    expect(state.years.get(2027)).toMatchObject({ workdays: [], setAt: '2026-12-04T00:00:00.000Z', by: adminRef });
  });
});
