import 'reflect-metadata';
import { openCliContext } from './cli-context';

/** npm run audit:verify — recomputes every stream's hash chain; exit 1 when any is broken. */
async function main(): Promise<void> {
  const ctx = await openCliContext();
  let broken = 0;
  let streams = 0;
  try {
    for await (const verdict of ctx.store.verifyAll((done) => (streams = done))) {
      if (!verdict.valid) {
        broken += 1;
        const at = verdict.brokenAt;
        process.stdout.write(`BROKEN stream ${at.streamId} at version ${at.streamVersion} (global position ${at.globalPosition})\n`);
      }
    }
    process.stdout.write(`audit:verify: ${streams} streams checked, ${broken} broken\n`);
  } finally {
    await ctx.close();
  }
  process.exitCode = broken ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`audit:verify failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(2);
});
