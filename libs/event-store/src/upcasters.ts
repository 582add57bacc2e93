import type { StoredEvent } from './event-store.port';

export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Stored events keep the schema version they were written with; readers get the current shape.
 * An upcaster lifts one version to the next, so a v1 event passes through every later step.
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
      data = step(data);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}
