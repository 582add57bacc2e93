import 'reflect-metadata';
import { verifySeals } from '../audit/verify-seals';
import { openCliContext } from './cli-context';

/**
 * npm run audit:verify — recomputes every stream's hash chain, then checks every seal against the
 * log (SPEC §8.1); exit 1 when any chain is broken or any seal fails.
 */
async function main(): Promise<void> {
  const ctx = await openCliContext();
  let broken = 0;
  let streams = 0;
  let failedSeals: number;
  try {
    for await (const verdict of ctx.store.verifyAll((done) => (streams = done))) {
      if (!verdict.valid) {
        broken += 1;
        const at = verdict.brokenAt;
        process.stdout.write(`BROKEN stream ${at.streamId} at version ${at.streamVersion} (global position ${at.globalPosition})\n`);
      }
    }
    process.stdout.write(`audit:verify: ${streams} streams checked, ${broken} broken\n`);
    const seals = await verifySeals(ctx.store, ctx.dataSource, (line) => process.stdout.write(`${line}\n`));
    failedSeals = seals.failed;
    process.stdout.write(`audit:verify: ${seals.seals} seals checked, ${seals.failed} failed\n`);
  } finally {
    await ctx.close();
  }
  process.exitCode = broken || failedSeals ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`audit:verify failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(2);
});
