import 'reflect-metadata';
import { sealLog } from '../audit/seal-log/seal-log';
import { sealSummary } from '../audit/verify-seals';
import { openCliContext } from './cli-context';

/** npm run audit:seal — seals the log now (SPEC §8.1) and prints the seal; nothing new when the log has not moved. */
async function main(): Promise<void> {
  const ctx = await openCliContext(2);
  try {
    const outcome = await sealLog(ctx.store, ctx.dataSource, new Date());
    if (!outcome.seal) process.stdout.write('audit:seal: the log is empty; nothing to seal\n');
    else if (outcome.sealed) process.stdout.write(`audit:seal: ${sealSummary(outcome.seal)} (position ${outcome.position})\n`);
    else process.stdout.write(`audit:seal: unchanged since the last seal, ${sealSummary(outcome.seal)}\n`);
  } finally {
    await ctx.close();
  }
}

main().catch((error) => {
  process.stderr.write(`audit:seal failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(2);
});
