import { DeciderSpec } from '@jinlin/testing';
import type { Principal } from '../shared/principal';
import { auditDecider, type AuditEvent, type SealLog } from './audit';

const given = DeciderSpec.for(auditDecider);
const SYSTEM: Principal = { id: 'system:audit', roles: ['admin'], communities: [] };
const NOW = '2026-12-02T16:05:00.000Z';
const ROOT_A = 'a'.repeat(64);
const ROOT_B = 'b'.repeat(64);

const seal = (upTo: number, checkpoint: string, root: string, streams = 3): SealLog => ({
  type: 'SealLog',
  data: { upTo, checkpoint, streams, root },
  metadata: { actor: SYSTEM, now: NOW },
});
const sealed = (upTo: number, checkpoint: string, root: string, streams = 3): AuditEvent => ({
  type: 'LogSealed',
  data: { upTo, checkpoint, streams, root, sealedAt: '2026-12-01T16:05:00.000Z' },
});

describe('audit seals', () => {
  it('when nothing was sealed yet, the log is sealed at the given point with the time of the command', () =>
    given([])
      .when(seal(10, '900:10', ROOT_A))
      .then([{ type: 'LogSealed', data: { upTo: 10, checkpoint: '900:10', streams: 3, root: ROOT_A, sealedAt: NOW } }]));

  it('when the log moved since the last seal, it is sealed again', () =>
    given([sealed(10, '900:10', ROOT_A)])
      .when(seal(14, '905:14', ROOT_B, 4))
      .then([{ type: 'LogSealed', data: { upTo: 14, checkpoint: '905:14', streams: 4, root: ROOT_B, sealedAt: NOW } }]));

  it('when the last seal stands at the same checkpoint, nothing is sealed', () =>
    given([sealed(10, '900:10', ROOT_A)])
      .when(seal(10, '900:10', ROOT_A))
      .then([]));

  it('when only seals were appended since the last seal (the same heads), nothing is sealed', () =>
    given([sealed(10, '900:10', ROOT_A)])
      .when(seal(11, '901:11', ROOT_A))
      .then([]));

  it('when an earlier seal had the same heads but a later one did not, the log is sealed', () =>
    given([sealed(10, '900:10', ROOT_A), sealed(12, '902:12', ROOT_B)])
      .when(seal(13, '903:13', ROOT_A))
      .then([{ type: 'LogSealed', data: { upTo: 13, checkpoint: '903:13', streams: 3, root: ROOT_A, sealedAt: NOW } }]));
});
