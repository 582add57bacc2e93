import type { TicketFiled } from '@jinlin/domain';
import type { ActorRef, StoredEvent } from './event-store.port';

/** One step up: the data as stored at one version in, the next version's data out; the envelope (metadata) to judge by. */
export type Upcaster = (data: Record<string, unknown>, event: StoredEvent) => Record<string, unknown>;

/**
 * Stored events keep the schema version they were written with; readers get the current shape.
 * An upcaster lifts one version to the next, so a v1 event passes through every later step.
 * Only what is read changes: the stored row, and the hash chain over it, stay as written.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Map<number, Upcaster>>();
  private readonly current = new Map<string, number>();

  register(type: string, fromVersion: number, upcast: Upcaster): this {
    const byVersion = this.steps.get(type) ?? new Map<number, Upcaster>();
    if (byVersion.has(fromVersion)) throw new Error(`upcaster for ${type} v${fromVersion} registered twice`);
    byVersion.set(fromVersion, upcast);
    this.steps.set(type, byVersion);
    this.current.set(type, Math.max(this.current.get(type) ?? 1, fromVersion + 1));
    return this;
  }

  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast(event: StoredEvent): StoredEvent {
    const byVersion = this.steps.get(event.type);
    if (!byVersion) return event;
    let { data, schemaVersion } = event;
    for (let step = byVersion.get(schemaVersion); step; step = byVersion.get(schemaVersion)) {
      data = step(data, event);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}

const asActor = (value: unknown): ActorRef | null => {
  const a = value as Partial<ActorRef> | null | undefined;
  return a && typeof a.id === 'string' && Array.isArray(a.roles) ? { id: a.id, roles: a.roles } : null;
};

/** A resident who is nobody's staff (the domain's isPlainResident, which this library cannot import). */
const plainResident = (roles: readonly string[]) => roles.includes('resident') && !roles.some((r) => r === 'staff' || r === 'manager');

/**
 * TicketFiled v1 → v2. Version 1 made whoever filed the reporter; since SPEC §4.1 only a resident
 * is ever one, a ticket a non-resident filed reads as having no reporter (nobody confirms or rates
 * it, and the filer's own rating counts for nothing). The filer is `data.by`, which the decider
 * always wrote (raw writers such as the benchmarks leave the metadata empty), else `metadata.actor`;
 * unknown, it is no resident. A v1 reporterId always was the filer's id: one naming somebody else
 * is a v2 event a store without this registry labelled v1, and it passes unchanged.
 */
export const ticketFiledV1ToV2: Upcaster = (data, event) => {
  const filer = asActor(data.by) ?? asActor(event.metadata.actor);
  const named = typeof data.reporterId === 'string' ? data.reporterId : null;
  const stays = named !== null && filer !== null && (plainResident(filer.roles) || filer.id !== named);
  const reporterId: TicketFiled['data']['reporterId'] = stays ? named : null;
  return { ...data, reporterId };
};

/**
 * TicketFiled v2 → v3. Version 2's `location` was free text; SPEC §4.5 makes it a place
 * `{building?, unit?, room?, area?, note?}`, and older text reads as its note. Nothing is guessed
 * out of the text (「3号楼2单元」 stays a note): a building named here must be a registered one.
 * An object already is version 3's shape (a store without the registry labels what it writes v1).
 */
export const ticketFiledV2ToV3: Upcaster = (data) => {
  const old = data.location;
  const location: TicketFiled['data']['location'] =
    typeof old === 'string' ? { note: old } : typeof old === 'object' && old !== null && !Array.isArray(old) ? old : null;
  return { ...data, location };
};

/** Every schema change of the service's events, for both adapters (see createEventStore). */
export const serviceUpcasters = (): UpcasterRegistry =>
  new UpcasterRegistry().register('TicketFiled', 1, ticketFiledV1ToV2).register('TicketFiled', 2, ticketFiledV2ToV3);
