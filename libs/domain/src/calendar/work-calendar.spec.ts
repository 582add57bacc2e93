import { calendarYearProblems, isDate, isWorkingDay, workCalendar } from './work-calendar';

const y2026 = { year: 2026, holidays: ['2026-02-16', '2026-02-17'], workdays: ['2026-02-14'] };

describe('isWorkingDay', () => {
  const calendar = workCalendar([y2026]);
  it.each([
    ['a listed workday on a Saturday (调休)', '2026-02-14', true],
    ['a listed holiday on a Monday', '2026-02-16', false],
    ['an unlisted Saturday', '2026-02-07', false],
    ['an unlisted Sunday', '2026-02-08', false],
    ['an unlisted Friday', '2026-02-13', true],
    ['a Monday of a year no one listed', '2031-03-03', true],
  ])('when the day is %s, it is %s', (_, date, working) => expect(isWorkingDay(calendar, date)).toBe(working));

  it('when a year is given twice, the later one (an admin override) replaces the earlier', () => {
    const overridden = workCalendar([y2026, { year: 2026, holidays: ['2026-03-02'], workdays: [] }]);
    expect([
      isWorkingDay(overridden, '2026-02-16'),
      isWorkingDay(overridden, '2026-02-14'),
      isWorkingDay(overridden, '2026-03-02'),
    ]).toEqual([true, false, false]);
  });
});

describe('isDate', () => {
  it.each(['2027-02-29', '2027-13-01', '2027-04-31', '2027-1-05', '27-01-05', '2027-01-05T00:00', ''])(
    'when the value is %j, it is not a date',
    (value) => expect(isDate(value)).toBe(false),
  );
  it.each(['2028-02-29', '2027-12-31', '2027-01-01'])('when the value is %s, it is a date', (value) => expect(isDate(value)).toBe(true));
});

describe('calendarYearProblems', () => {
  it('when the lists are real dates of the year, each once, there is no problem', () =>
    expect(calendarYearProblems(2027, { holidays: ['2027-02-05', '2027-02-08'], workdays: ['2027-01-31'] })).toEqual([]));

  it('when both lists are empty, there is no problem (a year of plain weeks)', () =>
    expect(calendarYearProblems(2027, { holidays: [], workdays: [] })).toEqual([]));

  it('when dates are not dates, outside the year, twice or both a holiday and a workday, each problem names its field', () =>
    expect(
      calendarYearProblems(2027, {
        holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-13-01', '2026-12-31', '2027-02-05'],
        workdays: ['2027-02-06', '2027-02-30'],
      }),
    ).toEqual([
      'holidays[3]: 2027-13-01 is not a date (YYYY-MM-DD)',
      'holidays[4]: 2026-12-31 is not in 2027',
      'holidays[5]: 2027-02-05 is listed twice',
      'workdays[1]: 2027-02-30 is not a date (YYYY-MM-DD)',
      'workdays[0]: 2027-02-06 is also a holiday',
    ]));

  it('when a list is not a list, the problem names it', () =>
    expect(calendarYearProblems(2027, { holidays: '2027-02-05' as unknown as string[], workdays: [] })).toEqual([
      'holidays must be a list of dates (YYYY-MM-DD)',
    ]));

  it.each([1999, 2101, 2027.5])('when the year is %s, the problem names the year', (year) =>
    expect(calendarYearProblems(year, { holidays: [], workdays: [] })).toEqual(['year must be a whole number from 2000 to 2100']),
  );
});
