/** Where the SLA timer gets "now": a provider, so tests and drills can run time as they like. */
export const SLA_CLOCK = Symbol('SLA_CLOCK');

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
