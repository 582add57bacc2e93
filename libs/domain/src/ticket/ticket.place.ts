/**
 * Where the problem is (SPEC §4.5): a registered building and unit, a room such as 1203, a public
 * area such as 地下车库, and free text. Only the parts given are kept.
 */
export type TicketLocation = Readonly<{ building?: string; unit?: string; room?: string; area?: string; note?: string }>;

export const LOCATION_LIMITS = { room: 10, area: 100, note: 2000 } as const;
export const LOCATION_PARTS = ['building', 'unit', 'room', 'area', 'note'] as const;

/** A plain string, as clients sent before places existed, is kept as the note. */
export function locationOf(input: string | TicketLocation | null | undefined): TicketLocation | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'string') return { note: input };
  const kept: Record<string, string> = {};
  for (const part of LOCATION_PARTS) if (input[part] !== undefined) kept[part] = input[part];
  return Object.keys(kept).length ? kept : null;
}
