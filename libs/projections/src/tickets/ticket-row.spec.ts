import fc from 'fast-check';
import type { TicketEvent } from '@jinlin/domain';
import { typedAs, type StoredEvent } from '@jinlin/event-store';
import { evolveTicketRow, type TicketRecord } from './ticket-row';

const staff = { id: 's', roles: ['staff'] };
const resident = { id: 'r', roles: ['resident'] };
const at = (m: number) => new Date(Date.UTC(2026, 10, 1, 8, m)).toISOString();
const HISTORY: [string, Record<string, unknown>][] = [
  [
    'TicketFiled',
    {
      communityId: 'c',
      companyId: 'co',
      category: 'elevator',
      title: '电梯',
      description: 'd',
      location: null,
      channel: 'app',
      reporterId: 'r',
      filedAt: at(0),
      acknowledgeBy: at(120),
      resolveBy: at(1440),
    },
  ],
  ['TicketCommented', { text: '内部', internal: true, commentedAt: at(1), by: staff }],
  ['TicketCommented', { text: '在看', internal: false, commentedAt: at(2), by: staff }],
  ['TicketAcknowledged', { message: '收到', acknowledgedAt: at(3), by: staff }],
  ['TicketActionRecorded', { description: '修', recordedAt: at(4), by: staff }],
  ['TicketResolved', { resolution: '好了', resolvedAt: at(5), by: staff }],
  ['TicketResolutionRejected', { reason: '没好', rejectedAt: at(6), by: resident }],
  ['TicketActionRecorded', { description: '再修', recordedAt: at(7), by: staff }],
  ['TicketResolved', { resolution: '真好了', resolvedAt: at(8), by: staff }],
  ['TicketTransferred', { fromCompanyId: 'co', toCompanyId: 'co2', handoverId: 'h', transferredAt: at(9) }],
  ['TicketResolutionConfirmed', { confirmedAt: at(10), by: resident }],
  ['TicketRated', { score: 4, comment: null, ratedAt: at(11), by: resident }],
];
// Only the fields the row reads: the log's rows are the reader's union by its word (typedAs).
const events = typedAs<TicketEvent>(
  HISTORY.map(([type, data], i) => ({
    type,
    data: { ticketId: 't-1', ...data },
    streamId: 'ticket-t-1',
    streamVersion: i + 1,
    globalPosition: 100 + i * 3,
    schemaVersion: 1,
    metadata: {},
    recordedAt: new Date(),
    hash: '',
    checkpoint: '' as never,
  })),
);
const fold = (row: TicketRecord | undefined, list: StoredEvent<TicketEvent>[]) => list.reduce(evolveTicketRow, row);

describe('evolveTicketRow', () => {
  it('when the whole history is applied, every timestamp lands where SPEC §4 says', () => {
    expect(fold(undefined, events)).toMatchObject({
      status: 'closed',
      first_response_at: at(2),
      acknowledged_at: at(3),
      first_action_at: at(4),
      resolved_at: at(8),
      closed_at: at(10),
      company_id: 'co2',
      filed_company_id: 'co',
      action_count: 2,
      reject_count: 1,
      rating: 4,
      version: 12,
      position: 133,
    });
  });

  it('when events are redelivered in any batches, with any prefix replayed, the row is the same as one clean pass', () => {
    const clean = fold(undefined, events);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(events.length), fc.nat(events.length)), { maxLength: 20 }), (replays) => {
        let row: TicketRecord | undefined;
        let applied = 0;
        for (const [a, b] of replays) {
          const upTo = Math.max(applied, Math.min(events.length, Math.max(a, b)));
          row = fold(row, events.slice(Math.min(a, b, applied), upTo)); // includes already applied events again
          applied = upTo;
        }
        row = fold(row, events.slice(applied));
        expect(row).toEqual(clean);
      }),
    );
  });

  it('when a ticket waits on the resident and resumes, the row shows the wait, then the pushed-back deadline and the pause', () => {
    const waits = typedAs<TicketEvent>(
      (
        [
          HISTORY[0],
          ['TicketAcknowledged', { message: '收到', acknowledgedAt: at(3), by: staff }],
          ['TicketWaiting', { on: 'resident', reason: '家里没人', waitingSince: at(10), by: staff }],
          ['TicketActionRecorded', { description: '上门无人', recordedAt: at(20), by: staff }],
          ['TicketSlaWarning', { kind: 'acknowledge', warnAt: at(96), deadline: at(120), detectedAt: at(97) }],
          [
            'TicketResumed',
            {
              on: 'resident',
              waitingSince: at(10),
              resumedAt: at(40),
              cause: 'resume',
              pausedSeconds: 1800,
              resolveBy: at(1470),
              by: staff,
            },
          ],
        ] as [string, Record<string, unknown>][]
      ).map(([type, data], i) => ({ ...events[0], type, data: { ticketId: 't-1', ...data }, streamVersion: i + 1, globalPosition: i + 1 })),
    );
    const waiting = fold(undefined, waits.slice(0, 5));
    expect(waiting).toMatchObject({
      status: 'waiting',
      waiting_on: 'resident',
      waiting_since: at(10),
      action_count: 1,
      acknowledge_warned: true,
    });
    expect(fold(waiting, waits.slice(5))).toMatchObject({
      status: 'in_progress',
      waiting_on: null,
      waiting_since: null,
      paused_seconds: 1800,
      resolve_by: at(1470),
    });
  });
});
