import type { Projection } from '../engine/projection';

export const DASHBOARD_MIGRATIONS: Function[] = [];
export const DASHBOARD_ENTITIES: Function[] = [];
export const createDashboardProjections = (): Projection[] => [];
