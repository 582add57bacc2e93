import Holidays from 'date-holidays';
import { addBusinessMinutes, DEFAULT_WORKING_HOURS as hours, isWorkingDay, workCalendar } from '@jinlin/domain';
import { builtinCalendarYear, builtinCalendarYears } from './builtin-calendar';

const sh = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const builtin = workCalendar(builtinCalendarYears());
const add = (local: string, minutes: number) => addBusinessMinutes(sh(local), minutes, hours, builtin);
const days = (month: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${month}-${String(from + i).padStart(2, '0')}`);

describe('the built-in calendar from chinese-days', () => {
  it('when asked for 2026, it lists the Spring Festival, National Day and their 调休 weekend days', () => {
    const y2026 = builtinCalendarYear(2026);
    expect(y2026?.holidays).toEqual(expect.arrayContaining([...days('2026-02', 15, 23), ...days('2026-10', 1, 7)]));
    expect(y2026?.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('when asked for 2027, chinese-days 1.5.7 does not know it yet, so an admin must set it', () => {
    expect(builtinCalendarYear(2027)).toBeNull();
    expect(builtinCalendarYears().map((y) => y.year)).not.toContain(2027);
  });
});

describe('the 2026 Spring Festival (holidays Sun 02-15 to Mon 02-23; Sat 02-14 and Sat 02-28 worked)', () => {
  it('when filed at 17:25 on the 调休 Saturday before the festival with 24 business hours, it is due Thursday 02-26 14:25', () =>
    expect(add('2026-02-14T17:25', 1440)).toBe(sh('2026-02-26T14:25')));

  it('when filed during the festival, the clock starts on Tuesday 02-24 at 08:30', () =>
    expect(add('2026-02-18T10:00', 0)).toBe(sh('2026-02-24T08:30')));

  it('when filed on Friday 02-27 at 17:00 with an hour, it is due on the 调休 Saturday 02-28', () =>
    expect(add('2026-02-27T17:00', 60)).toBe(sh('2026-02-28T09:00')));
});

describe('the 2026 National Day week (holidays Thu 10-01 to Wed 10-07; Sun 09-20 and Sat 10-10 worked)', () => {
  it('when filed at 17:25 on Wednesday 09-30 with 24 business hours, it is due on the 调休 Saturday 10-10 14:25', () =>
    expect(add('2026-09-30T17:25', 1440)).toBe(sh('2026-10-10T14:25')));

  it('when filed on the 调休 Sunday 09-20, the clock runs that day', () =>
    expect(add('2026-09-20T10:00', 60)).toBe(sh('2026-09-20T11:00')));

  it('when filed on Thursday 09-24 at 17:00 with an hour, Mid-autumn (Fri 09-25 to Sun 09-27) is skipped', () =>
    expect(add('2026-09-24T17:00', 60)).toBe(sh('2026-09-28T09:00')));
});

describe('date-holidays (country CN) as a cross-check', () => {
  const listed = new Holidays('CN').getHolidays(2026).filter((h) => h.type === 'public');
  // Who the day is off for (`note`) is in the data, not in the package's types.
  const forGroup = (h: object) => 'note' in h && Boolean(h.note);

  it('when date-holidays lists a public holiday for everyone in 2026, the built-in calendar does not work that day', () => {
    const forEveryone = listed.filter((h) => !forGroup(h)).map((h) => h.date.slice(0, 10));
    expect(forEveryone.length).toBeGreaterThan(10);
    expect(forEveryone.filter((date) => isWorkingDay(builtin, date))).toEqual([]);
  });

  // Women's Day (half a day), Youth Day (14-28, half a day), Children's Day (under 14) and Army Day are
  // time off for those groups only: a property company's staff work, so they are working days here.
  it('when date-holidays lists a holiday for a group only, it carries a note and is not a holiday for everyone', () =>
    expect(listed.filter(forGroup).map((h) => h.name)).toEqual(['国际妇女节', '青年节', '六一儿童节', '建军节']));

  // The converse does not hold: date-holidays has the statutory days only (春节 02-16 to 02-18), not the
  // days moved by 调休 around them, nor the 调休 working weekends; that is what chinese-days adds.
  it('when chinese-days lists a festival, date-holidays has fewer of its days', () =>
    expect(listed.filter((h) => h.name === '春节').map((h) => h.date.slice(0, 10))).toEqual(['2026-02-16', '2026-02-17', '2026-02-18']));
});
