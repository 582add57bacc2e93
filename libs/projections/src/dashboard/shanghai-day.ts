/**
 * Days are calendar days in Asia/Shanghai, which has kept UTC+8 without daylight saving since
 * 1991: a fixed offset is exact for every date this service sees.
 */
export const UTC_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 in UTC+8. */
export const dayNumber = (ms: number): number => Math.floor((ms + UTC_OFFSET_MS) / DAY_MS);

/** The instant a UTC+8 day begins. */
export const dayStart = (day: number): number => day * DAY_MS - UTC_OFFSET_MS;

/** 'YYYY-MM-DD' of a day number. */
export const dayKey = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const dayFromKey = (key: string): number => Date.parse(`${key}T00:00:00Z`) / DAY_MS;
