import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every estate the service knows is on Beijing time; the user's device may not be. */
export const ZONE = 'Asia/Shanghai';
export const local = (iso: string) => dayjs(iso).tz(ZONE);
export const formatTime = (iso: string | null | undefined) => (iso ? local(iso).format('YYYY-MM-DD HH:mm') : '—');
export const formatDay = (iso: string | null | undefined) => (iso ? local(iso).format('YYYY-MM-DD') : '—');

/** A signed duration in minutes, hours or days, for SLA countdowns ("剩余 3 小时", "已超时 2 天"). */
export function countdown(
  deadline: string | null | undefined,
  now: number,
): { overdue: boolean; unit: 'minutes' | 'hours' | 'days'; n: number } | null {
  if (!deadline) return null;
  const ms = Date.parse(deadline) - now;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const overdue = ms < 0;
  if (minutes < 60) return { overdue, unit: 'minutes', n: minutes };
  if (minutes < 48 * 60) return { overdue, unit: 'hours', n: Math.floor(minutes / 60) };
  return { overdue, unit: 'days', n: Math.floor(minutes / 1440) };
}
