import 'reflect-metadata';
import { rebuildProjections } from '@jinlin/projections';
import { createProjections } from '../read-models';
import { openCliContext } from './cli-context';
import { barsFor, linesFor } from './rebuild-progress';

/** npm run projections:rebuild -- <name|--all> */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const projections = createProjections();
  const names = projections.map((p) => p.name);
  if (wanted.length === 0 || (!wanted.includes('--all') && wanted.some((w) => !names.includes(w)))) {
    process.stderr.write(`usage: npm run projections:rebuild -- <${names.join('|') || 'name'}|--all>\n`);
    process.exit(64);
  }
  const chosen = wanted.includes('--all') ? projections : projections.filter((p) => wanted.includes(p.name));
  // One connection per projection: they are replayed side by side from one pass over the log.
  const ctx = await openCliContext(chosen.length + 1);
  const display = process.stdout.isTTY
    ? barsFor(
        chosen.map((p) => p.name),
        process.stdout,
      )
    : linesFor(process.stdout);
  try {
    const results = await rebuildProjections(chosen, ctx.store, ctx.dataSource, {
      batchSize: 5000,
      onError: (projection, error) =>
        process.stderr.write(`${projection}: clean-up after the rebuild failed: ${(error as Error)?.message ?? error}\n`),
      onProgress: (p) => display.update(p),
    });
    display.stop();
    for (const result of results) {
      const rate = Math.round(result.events / Math.max(result.elapsedMs / 1000, 0.001));
      process.stdout.write(`${result.projection}: rebuilt ${result.events} events in ${result.elapsedMs} ms (${rate} ev/s)\n`);
    }
  } finally {
    await ctx.close();
  }
}

main().catch((error) => {
  process.stderr.write(`projections:rebuild failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
