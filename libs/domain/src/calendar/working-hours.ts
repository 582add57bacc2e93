/** A community's working hours in Asia/Shanghai (SPEC §3, `PUT /communities/:id/working-hours`). */
export type WorkingHours = Readonly<{ start: string; end: string }>;

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '08:30', end: '17:30' };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of a valid HH:MM. */
export function minuteOfDay(time: string): number {
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`${time} is not a time (HH:MM)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Every problem of a working-hours body, each naming its field; none means it may be stored. */
export function workingHoursProblems(hours: WorkingHours): string[] {
  const problems = (['start', 'end'] as const)
    .filter((field) => typeof hours[field] !== 'string' || !TIME.test(hours[field]))
    .map((field) => `${field}: ${String(hours[field])} is not a time (HH:MM, 00:00 to 23:59)`);
  if (problems.length === 0 && minuteOfDay(hours.end) <= minuteOfDay(hours.start))
    problems.push(`end: ${hours.end} must be later than start ${hours.start}`);
  return problems;
}
