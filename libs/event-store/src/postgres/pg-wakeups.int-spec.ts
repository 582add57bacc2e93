import { PgWakeups } from './pg-wakeups';

it('when the LISTEN connection cannot be opened, the failure is reported with what happens next, and close() ends the reports', async () => {
  const reports: string[] = [];
  let heard: () => void = () => undefined;
  const reported = new Promise<void>((resolve) => (heard = resolve));
  // Nothing listens on port 1: the connection is refused at once.
  const wakeups = new PgWakeups({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 1000 }, (error, context) => {
    reports.push(`${context}: ${(error as Error).message}`);
    heard();
  });
  wakeups.listen(() => undefined);
  await reported;
  await wakeups.close();
  const afterClose = reports.length;
  await new Promise((r) => setTimeout(r, 700)); // longer than one reconnect interval
  expect(reports[0]).toMatch(/^LISTEN connection could not be opened; retrying in 500 ms: .*ECONNREFUSED/);
  expect(reports).toHaveLength(afterClose);
});
