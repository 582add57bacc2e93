import { hours, percent } from './report-format';

describe('report formats (SPEC §6)', () => {
  it.each([
    [0.789, '78.9%'],
    [1 / 3, '33.3%'],
    [2 / 3, '66.7%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [null, null],
  ])('when a rate is %p, it reads %p', (rate, text) => expect(percent(rate)).toBe(text));
  it.each([
    [5400, 1.5],
    [100, 0.03],
    [0, 0],
    [null, null],
  ])('when a duration is %p seconds, it is %p hours', (seconds, h) => expect(hours(seconds)).toBe(h));
});
