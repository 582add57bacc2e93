import type { Principal } from './principal';

/** Who acts and when: time enters the domain as data, never from a clock. */
export type CommandMetadata = Readonly<{ actor: Principal; now: string }>;

export type Command<Type extends string, Data> = Readonly<{ type: Type; data: Data; metadata: CommandMetadata }>;

export type Event<Type extends string, Data> = Readonly<{ type: Type; data: Data }>;

export const addMinutes = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
