import fc from 'fast-check';
import { addBusinessMinutes, businessMinutesBetween, isWorkingInstant } from './business-time';
import { workCalendar, type WorkCalendar } from './work-calendar';
import { minuteOfDay, type WorkingHours } from './working-hours';

const DAY_MS = 86_400_000;
const FROM = Date.parse('2025-12-20T00:00:00+08:00');
const DAYS = 400;
const dateOf = (day: number) => new Date(FROM + 8 * 3_600_000 + day * DAY_MS).toISOString().slice(0, 10);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Random holidays and 调休 workdays over the span the instants cover, disjoint as validation demands. */
const calendars: fc.Arbitrary<WorkCalendar> = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 0, max: DAYS + 60 }), fc.boolean()), { selector: ([day]) => day, maxLength: 120 })
  .map((days) => {
    const listed = days.map(([day, holiday]) => [dateOf(day), holiday] as const);
    const years = [...new Set(listed.map(([date]) => Number(date.slice(0, 4))))];
    return workCalendar(
      years.map((year) => ({
        year,
        holidays: listed.filter(([d, h]) => h && d.startsWith(`${year}`)).map(([d]) => d),
        workdays: listed.filter(([d, h]) => !h && d.startsWith(`${year}`)).map(([d]) => d),
      })),
    );
  });

/** From one minute a day to nearly all of it; minutes below reach at most ~40 working days of it, so a run stays short. */
const hours: fc.Arbitrary<WorkingHours> = fc
  .integer({ min: 0, max: 1438 })
  .chain((start) => fc.integer({ min: start + 1, max: 1439 }).map((end) => ({ start: hhmm(start), end: hhmm(end) })));
const workingMinutes = (h: WorkingHours) => minuteOfDay(h.end) - minuteOfDay(h.start);

/** Any millisecond, or a day's opening or closing minute give or take one, where the edge cases live. */
const instants = (h: WorkingHours) =>
  fc
    .oneof(
      fc.integer({ min: FROM, max: FROM + DAYS * DAY_MS }),
      fc
        .tuple(fc.integer({ min: 0, max: DAYS }), fc.constantFrom(h.start, h.end), fc.integer({ min: -1, max: 1 }))
        .map(([day, time, shift]) => Date.parse(`${dateOf(day)}T${time}:00+08:00`) + shift * 60_000),
    )
    .map((ms) => new Date(ms).toISOString());

const world = fc.tuple(calendars, hours).chain(([calendar, h]) => {
  const minutes = fc.integer({ min: 0, max: Math.min(20_000, 40 * workingMinutes(h)) });
  return fc.record({ calendar: fc.constant(calendar), h: fc.constant(h), t: instants(h), u: instants(h), m: minutes, n: minutes });
});
const runs = { numRuns: 300 };

describe('business-minute arithmetic, for any calendar and working hours', () => {
  it('when the start is later, the deadline is never earlier', () =>
    fc.assert(
      fc.property(world, ({ calendar, h, t, u, m }) => {
        const [a, b] = t <= u ? [t, u] : [u, t];
        expect(addBusinessMinutes(a, m, h, calendar) <= addBusinessMinutes(b, m, h, calendar)).toBe(true);
      }),
      runs,
    ));

  it('when more minutes are added, the deadline is never earlier', () =>
    fc.assert(
      fc.property(world, ({ calendar, h, t, m, n }) => {
        const [few, many] = m <= n ? [m, n] : [n, m];
        expect(addBusinessMinutes(t, few, h, calendar) <= addBusinessMinutes(t, many, h, calendar)).toBe(true);
      }),
      runs,
    ));

  it('when minutes are added, the deadline is working time and not before the start', () =>
    fc.assert(
      fc.property(world, ({ calendar, h, t, m }) => {
        const due = addBusinessMinutes(t, m, h, calendar);
        expect(isWorkingInstant(due, h, calendar)).toBe(true);
        expect(due >= t).toBe(true);
      }),
      runs,
    ));

  it('when a + b minutes are added, it is the same as adding a, then b', () =>
    fc.assert(
      fc.property(world, ({ calendar, h, t, m: a, n: b }) =>
        expect(addBusinessMinutes(t, a + b, h, calendar)).toBe(addBusinessMinutes(addBusinessMinutes(t, a, h, calendar), b, h, calendar)),
      ),
      runs,
    ));

  // Stronger than "for t in working time": time before the clock starts counts for nothing either.
  it('when m minutes are added to any instant, the business minutes between them are m', () =>
    fc.assert(
      fc.property(world, ({ calendar, h, t, m }) =>
        expect(businessMinutesBetween(t, addBusinessMinutes(t, m, h, calendar), h, calendar)).toBe(m),
      ),
      runs,
    ));

  it('when counting from t to u and from u to t, the minutes are opposite and never more than the wall clock', () =>
    fc.assert(
      fc.property(world, ({ calendar, h, t, u }) => {
        const there = businessMinutesBetween(t, u, h, calendar);
        expect(businessMinutesBetween(u, t, h, calendar)).toBe(0 - there);
        expect(Math.abs(there)).toBeLessThanOrEqual(Math.abs(Date.parse(u) - Date.parse(t)) / 60_000);
      }),
      runs,
    ));
});
