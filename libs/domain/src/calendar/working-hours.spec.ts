import { DEFAULT_WORKING_HOURS, workingHoursProblems } from './working-hours';

describe('workingHoursProblems', () => {
  it('when the hours are the default 08:30-17:30, there is no problem', () => {
    expect(DEFAULT_WORKING_HOURS).toEqual({ start: '08:30', end: '17:30' });
    expect(workingHoursProblems(DEFAULT_WORKING_HOURS)).toEqual([]);
  });

  it.each([
    [{ start: '8:30', end: '17:30' }, ['start: 8:30 is not a time (HH:MM, 00:00 to 23:59)']],
    [{ start: '08:30', end: '24:00' }, ['end: 24:00 is not a time (HH:MM, 00:00 to 23:59)']],
    [
      { start: '08:60', end: 'noon' },
      ['start: 08:60 is not a time (HH:MM, 00:00 to 23:59)', 'end: noon is not a time (HH:MM, 00:00 to 23:59)'],
    ],
    [{ start: '17:30', end: '08:30' }, ['end: 08:30 must be later than start 17:30']],
    [{ start: '09:00', end: '09:00' }, ['end: 09:00 must be later than start 09:00']],
  ])('when the hours are %j, the problems name the field', (hours, problems) => expect(workingHoursProblems(hours)).toEqual(problems));
});
