import { addBusinessMinutes, businessMinutesBetween, isWorkingInstant, nextWorkingInstant } from './business-time';
import { workCalendar, type CalendarYear } from './work-calendar';
import { DEFAULT_WORKING_HOURS as hours } from './working-hours';

/** An instant written in Shanghai local time, as the service writes it (UTC). */
const sh = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const plainWeeks = workCalendar([]);
const add = (local: string, minutes: number, calendar = plainWeeks) => addBusinessMinutes(sh(local), minutes, hours, calendar);

describe('addBusinessMinutes on plain weeks (08:30-17:30)', () => {
  it.each([
    ['within working time, minutes run on the same day', '2026-03-03T09:00', 60, '2026-03-03T10:00'],
    ['0 minutes within working time, the instant itself', '2026-03-03T11:11', 0, '2026-03-03T11:11'],
    ['0 minutes after closing, the next working start', '2026-03-03T20:00', 0, '2026-03-04T08:30'],
    ['filed before opening, the clock starts at opening', '2026-03-03T07:00', 30, '2026-03-03T09:00'],
    ['filed in the evening, the clock starts next morning', '2026-03-03T20:00', 30, '2026-03-04T09:00'],
    ['filed on a Saturday, the clock starts on Monday', '2026-03-07T10:00', 30, '2026-03-09T09:00'],
    ['the minutes end on the closing minute, the deadline is 17:30 itself', '2026-03-03T17:25', 5, '2026-03-03T17:30'],
    ['one minute more than is left, it carries to the next start', '2026-03-03T17:25', 6, '2026-03-04T08:31'],
    ['filed at 17:30 exactly, 0 minutes is 17:30', '2026-03-03T17:30', 0, '2026-03-03T17:30'],
    ['filed at 17:30 exactly, 1 minute is the next morning', '2026-03-03T17:30', 1, '2026-03-04T08:31'],
    ['filed on Friday at 17:00, 24 business hours run to Wednesday', '2026-03-06T17:00', 1440, '2026-03-11T14:00'],
  ])('when %s', (_, filed, minutes, due) => expect(add(filed, minutes)).toBe(sh(due)));

  it('when the instant carries seconds, they are kept', () =>
    expect(addBusinessMinutes('2026-03-03T01:00:30.250Z', 1, hours, plainWeeks)).toBe('2026-03-03T01:01:30.250Z'));

  it.each([-1, 1.5, Number.NaN])('when the minutes are %s, it refuses', (minutes) =>
    expect(() => add('2026-03-03T09:00', minutes)).toThrow(RangeError),
  );

  it('when the instant has no offset, it refuses rather than read the server time zone', () =>
    expect(() => addBusinessMinutes('2026-03-03T09:00:00', 1, hours, plainWeeks)).toThrow(RangeError));

  it('when the working hours end before they start, it refuses', () =>
    expect(() => addBusinessMinutes(sh('2026-03-03T09:00'), 1, { start: '17:30', end: '08:30' }, plainWeeks)).toThrow(
      'end: 08:30 must be later than start 17:30',
    ));
});

describe('businessMinutesBetween, nextWorkingInstant, isWorkingInstant', () => {
  it('when the span crosses a weekend, only working time counts', () =>
    expect(businessMinutesBetween(sh('2026-03-06T17:00'), sh('2026-03-09T09:00'), hours, plainWeeks)).toBe(60));

  it('when the end is earlier than the start, the minutes are negative', () =>
    expect(businessMinutesBetween(sh('2026-03-09T09:00'), sh('2026-03-06T17:00'), hours, plainWeeks)).toBe(-60));

  it('when both ends are outside working time on one night, no minute counts', () =>
    expect(businessMinutesBetween(sh('2026-03-03T18:00'), sh('2026-03-04T08:00'), hours, plainWeeks)).toBe(0));

  it('when seconds are involved, the minutes are fractional', () =>
    expect(businessMinutesBetween('2026-03-03T01:00:00Z', '2026-03-03T01:00:30Z', hours, plainWeeks)).toBe(0.5));

  it.each([
    ['2026-03-03T08:30', true],
    ['2026-03-03T17:30', true],
    ['2026-03-03T08:29', false],
    ['2026-03-03T17:31', false],
    ['2026-03-07T10:00', false],
  ])('when the instant is %s, working time is %s', (local, working) =>
    expect(isWorkingInstant(sh(local), hours, plainWeeks)).toBe(working),
  );

  it('when the instant is on a Sunday, the next working instant is Monday 08:30', () =>
    expect(nextWorkingInstant(sh('2026-03-08T12:00'), hours, plainWeeks)).toBe(sh('2026-03-09T08:30')));
});

/**
 * chinese-days 1.5.7 has no 2027: the State Council publishes the schedule late in the year. This is
 * an admin's override as one might enter it, illustrative and not the official schedule: Spring
 * Festival Fri 02-05 to Sat 02-13 with Sunday 01-31 and Saturday 02-20 worked; National Day
 * Fri 10-01 to Thu 10-07 with Sunday 09-26 and Saturday 10-09 worked.
 */
const override2027: CalendarYear = {
  year: 2027,
  holidays: [
    ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => `2027-02-${d}`),
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2027-10-${d}`),
  ],
  workdays: ['2027-01-31', '2027-02-20', '2027-09-26', '2027-10-09'],
};
const with2027 = workCalendar([override2027]);

describe('2027, which chinese-days does not know yet, through an admin override', () => {
  it('when filed at 17:25 on the Thursday before the festival with 24 business hours, it is due on the third working day after', () =>
    expect(add('2027-02-04T17:25', 1440, with2027)).toBe(sh('2027-02-17T14:25')));

  it('when the same ticket meets no override, 2027 is plain weeks and it is due during the festival', () =>
    expect(add('2027-02-04T17:25', 1440)).toBe(sh('2027-02-09T14:25')));

  it('when filed on the 调休 Sunday before the festival, the clock runs that Sunday', () =>
    expect(add('2027-01-31T10:00', 60, with2027)).toBe(sh('2027-01-31T11:00')));

  it('when filed on the last day of National Day, the clock starts on Friday 10-08 and runs on the 调休 Saturday', () =>
    expect(add('2027-10-07T10:00', 600, with2027)).toBe(sh('2027-10-09T09:30')));

  // Fri 09-24 from 17:00, the 调休 Sunday 09-26, Mon-Thu 09-27 to 09-30, none of 10-01 to 10-07, 10-08 to 08:40.
  it('when counting across the National Day week, the 调休 Sunday counts and the holidays do not', () =>
    expect(businessMinutesBetween(sh('2027-09-24T17:00'), sh('2027-10-08T08:40'), hours, with2027)).toBe(30 + 540 + 4 * 540 + 10));
});
