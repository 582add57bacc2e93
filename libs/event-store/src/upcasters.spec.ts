import type { ActorRef, Checkpoint, EventMetadata, StoredEvent } from './event-store.port';
import { serviceUpcasters, ticketFiledV2ToV3, UpcasterRegistry } from './upcasters';

const staff: ActorRef = { id: 'staff-1', roles: ['staff'] };
const resident: ActorRef = { id: 'res-1', roles: ['resident'] };

/** A TicketFiled as version 1 stored it: the filer's id as the reporter, whoever filed. */
function filedV1(
  filer: ActorRef | null,
  more: { metadata?: EventMetadata; reporterId?: string; schemaVersion?: number; location?: unknown } = {},
) {
  const data: Record<string, unknown> = {
    ticketId: 't-1',
    communityId: 'qianpu',
    reporterId: more.reporterId ?? filer?.id ?? 'someone',
    title: '电梯坏了',
    location: 'location' in more ? more.location : '3号楼2单元',
    ...(filer ? { by: filer } : {}),
  };
  const event: StoredEvent = {
    type: 'TicketFiled',
    data,
    schemaVersion: more.schemaVersion ?? 1,
    metadata: more.metadata ?? (filer ? { actor: filer } : {}),
    globalPosition: 1,
    checkpoint: '1' as Checkpoint,
    streamId: 'ticket-t-1',
    streamVersion: 1,
    recordedAt: new Date(0),
    hash: '',
  };
  return event;
}

const read = (event: StoredEvent) => serviceUpcasters().upcast(event);

describe('TicketFiled v1 → v2', () => {
  it('when a resident filed it, they stay the reporter and the event reads as version 2', () => {
    expect(read(filedV1(resident))).toMatchObject({ schemaVersion: 3, data: { reporterId: 'res-1', title: '电梯坏了', by: resident } });
  });

  it.each([
    ['staff', staff],
    ['a manager', { id: 'mgr-1', roles: ['manager'] }],
    ['the committee', { id: 'com-1', roles: ['committee'] }],
    ['the secretary', { id: 'sec-1', roles: ['secretary'] }],
    ['an admin', { id: 'admin-1', roles: ['admin'] }],
  ])('when %s filed it, it has no reporter', (_, filer) => {
    expect(read(filedV1(filer))).toMatchObject({ schemaVersion: 3, data: { reporterId: null } });
  });

  it('when the filer was staff and a resident too, there is no reporter: a company never rates its own work', () => {
    expect(read(filedV1({ id: 'staff-2', roles: ['staff', 'resident'] })).data.reporterId).toBeNull();
  });

  it('when data.by is missing, the metadata says who filed', () => {
    const withoutBy = (actor: ActorRef) => ({ ...filedV1(null, { reporterId: actor.id }), metadata: { actor } });
    expect(read(withoutBy(resident)).data.reporterId).toBe('res-1');
    expect(read(withoutBy(staff)).data.reporterId).toBeNull();
  });

  it('when nothing says who filed, it has no reporter: only a resident shown to be one is', () => {
    expect(read(filedV1(null, { reporterId: 'res-1' })).data.reporterId).toBeNull();
  });

  it('when a v2 event was labelled v1 by a store without the registry, the resident it names stays the reporter', () => {
    expect(read(filedV1(staff, { reporterId: 'res-1' })).data.reporterId).toBe('res-1');
  });

  it('when a version 2 event is read, its reporter is kept as stored', () => {
    const v2 = { ...filedV1(staff), schemaVersion: 2 };
    expect(read(v2).data.reporterId).toBe('staff-1');
  });

  it('when the service writes a TicketFiled now, it is version 3; other types stay at 1', () => {
    expect(serviceUpcasters().currentVersion('TicketFiled')).toBe(3);
    expect(serviceUpcasters().currentVersion('TicketRated')).toBe(1);
  });
});

describe('TicketFiled v2 → v3', () => {
  const v2 = (location: unknown) => filedV1(resident, { schemaVersion: 2, location });

  it('when the location was text, it reads as the note of a place, and the event as version 3', () => {
    expect(read(v2('3号楼2单元'))).toMatchObject({ schemaVersion: 3, data: { location: { note: '3号楼2单元' }, reporterId: 'res-1' } });
  });

  it('when there was no location, it stays null', () => {
    expect(read(v2(null)).data.location).toBeNull();
    expect(read(v2(undefined)).data.location).toBeNull();
  });

  it('when the location already is a place (a store without the registry labelled it), it passes unchanged', () => {
    expect(read(v2({ building: '3', unit: '2单元' })).data.location).toEqual({ building: '3', unit: '2单元' });
  });

  it('when nothing is guessed from the text: a building named in it stays in the note', () => {
    expect(ticketFiledV2ToV3({ location: '3号楼' }, v2('3号楼'))).toEqual({ location: { note: '3号楼' } });
  });

  it('when a version 1 event is read, both steps run in order: reporter, then place', () => {
    expect(read(filedV1(staff, { location: '5号楼' }))).toMatchObject({
      schemaVersion: 3,
      data: { reporterId: null, location: { note: '5号楼' } },
    });
  });

  it('when the event is version 3 already, it is read as stored', () => {
    const v3 = { ...filedV1(staff, { location: { area: '地下车库' } }), schemaVersion: 3 };
    expect(read(v3)).toBe(v3);
  });
});

describe('UpcasterRegistry', () => {
  it('when a step runs, it is given the stored envelope to judge by', () => {
    const registry = new UpcasterRegistry().register('TicketFiled', 1, (data, event) => ({ ...data, from: event.metadata.actor?.id }));
    expect(registry.upcast(filedV1(staff)).data).toMatchObject({ from: 'staff-1' });
  });
});
