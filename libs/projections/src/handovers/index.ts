import type { Projection } from '../engine/projection';

export const HANDOVER_MIGRATIONS: Function[] = [];
export const HANDOVER_ENTITIES: Function[] = [];
export const createHandoverProjections = (): Projection[] => [];
