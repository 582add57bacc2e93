import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE } from '@jinlin/event-store';
import { AuditTimer } from '../apps/api/src/audit/audit-timer';
import { SealLogCommand } from '../apps/api/src/audit/seal-log/seal-log.command';
import { http, startTestApp, type TestApp } from './support/test-app';
import { seedWorld, ticketBody, tokensFor, type Tokens } from './support/world';

let t: TestApp;
let k: Tokens;
beforeAll(async () => {
  t = await startTestApp('audit_seals');
  k = await tokensFor(t);
  await seedWorld(t, k);
});
afterAll(() => t.close());

const seals = (token: string, query = '') => http(t.url, 'GET', `/audit/seals${query}`, { token });
const seal = (now = new Date()) => t.app.get(CommandBus).execute(new SealLogCommand(now));

describe('GET /audit/seals (SPEC §8.1)', () => {
  it('when the log is sealed, the seal is listed newest first; sealing again without a change adds none', async () => {
    expect((await seals(k.committee)).body).toEqual({ seals: [] });
    const first = await seal(new Date('2026-12-01T16:05:00Z'));
    expect(first).toMatchObject({ sealed: true });
    const again = await seal(new Date('2026-12-01T16:06:00Z'));
    expect(again).toMatchObject({ sealed: false, seal: { root: first.seal!.root } });

    expect((await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() })).status).toBe(201);
    const second = await seal(new Date('2026-12-02T16:05:00Z'));
    expect(second).toMatchObject({ sealed: true });
    expect(second.seal!.root).not.toBe(first.seal!.root);
    expect(second.seal!.upTo).toBeGreaterThan(first.seal!.upTo);

    const listed = await seals(k.secretary);
    expect(listed.status).toBe(200);
    expect(listed.body.seals).toEqual([
      {
        position: second.position,
        upTo: second.seal!.upTo,
        streams: second.seal!.streams,
        root: second.seal!.root,
        sealedAt: '2026-12-02T16:05:00.000Z',
      },
      {
        position: first.position,
        upTo: first.seal!.upTo,
        streams: first.seal!.streams,
        root: first.seal!.root,
        sealedAt: '2026-12-01T16:05:00.000Z',
      },
    ]);
    expect(second.seal!.streams).toBe(first.seal!.streams + 1); // the new ticket's stream
    expect(listed.body.seals[0].root).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when from and to are given, only the seals made in [from, to) are listed', async () => {
    const r = await seals(k.admin, '?from=2026-12-02T00:00:00%2B08:00&to=2026-12-03T00:05:00%2B08:00');
    expect(r.status).toBe(200);
    expect(r.body.seals.map((s: { sealedAt: string }) => s.sealedAt)).toEqual(['2026-12-01T16:05:00.000Z']);
    expect((await seals(k.admin, '?to=2026-12-01T16:05:00Z')).body.seals).toEqual([]);
  });

  it.each(['staff', 'manager', 'residentA'] as const)('when a %s asks, 403', async (who) => {
    const r = await seals(k[who]);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('SEALS_NOT_ALLOWED');
  });

  it('when no token is given, 401', async () => expect((await http(t.url, 'GET', '/audit/seals')).status).toBe(401));

  it.each([
    ['from', '?from=yesterday'],
    ['to', '?to=2026-13-01T00:00:00Z'],
    ['to', '?to=9999-12-31T23:59:59Z'],
    ['from', '?from=2026-12-01'],
  ])('when %s is not an instant between 2000 and 2100 (%s), 400 naming it', async (parameter, query) => {
    const r = await seals(k.committee, query);
    expect(r.status).toBe(400);
    expect(r.body.errors.join(' ')).toContain(parameter);
  });
});

describe('the daily seal', () => {
  it('when the last seal is older than the latest 00:05 in Shanghai, the leading timer seals once; later that day it does not', async () => {
    let now = new Date('2026-12-03T16:04:00Z'); // 00:04 on 4 Dec in Shanghai: the seal of 3 Dec (16:05Z on the 2nd) is due and made
    const timer = new AuditTimer(
      t.app.get(EVENT_STORE),
      t.app.get(DataSource),
      t.app.get(CommandBus),
      { run: false, intervalMs: 1000 },
      () => now,
    );
    try {
      expect((await http(t.url, 'POST', '/tickets', { token: k.residentA, body: ticketBody() })).status).toBe(201);
      expect(await timer.runOnce()).toBe(false); // sealed at 2026-12-02T16:05Z already
      now = new Date('2026-12-03T16:05:00Z');
      expect(await timer.runOnce()).toBe(true);
      now = new Date('2026-12-04T03:00:00Z');
      expect(await timer.runOnce()).toBe(false);
      now = new Date('2026-12-04T16:05:00Z'); // the next day, with nothing new: nothing to seal, and no second try that day
      const bus = t.app.get(CommandBus);
      const sent = jest.spyOn(bus, 'execute');
      expect(await timer.runOnce()).toBe(false);
      expect(await timer.runOnce()).toBe(false);
      expect(sent).toHaveBeenCalledTimes(1);
      sent.mockRestore();
      expect((await seals(k.committee)).body.seals[0].sealedAt).toBe('2026-12-03T16:05:00.000Z');
    } finally {
      await timer.beforeApplicationShutdown();
    }
  });
});

describe('the monthly report (SPEC §6, §8.1)', () => {
  it('when the month had seals, the report prints their roots for the meeting to countersign; a month without says so', async () => {
    const listed = (await seals(k.admin)).body.seals as { root: string; sealedAt: string }[];
    // December 2026 in Asia/Shanghai.
    const december = listed.filter((s) => s.sealedAt >= '2026-11-30T16:00:00.000Z' && s.sealedAt < '2026-12-31T16:00:00.000Z');
    expect(december.length).toBeGreaterThan(0);
    const report = await http(t.url, 'GET', '/reports/monthly?communityId=qianpu&month=2026-12', { token: k.secretary });
    expect(report.status).toBe(200);
    expect(report.text).toContain('审计封存 audit seals');
    for (const s of december) expect(report.text).toContain(s.root);
    const november = await http(t.url, 'GET', '/reports/monthly?communityId=qianpu&month=2026-11', { token: k.secretary });
    expect(november.text).toContain('本月无封存 no seals this month');
    for (const s of december) expect(november.text).not.toContain(s.root);
  });
});
