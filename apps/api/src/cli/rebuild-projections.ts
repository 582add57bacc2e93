import 'reflect-metadata';
import { rebuildProjection } from '@jinlin/projections';
import { createProjections } from '../read-models';
import { openCliContext, progressLine } from './cli-context';

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
  const ctx = await openCliContext();
  const tty = process.stdout.isTTY;
  try {
    for (const projection of chosen) {
      let lastPrint = 0;
      const result = await rebuildProjection(projection, ctx.store, ctx.dataSource, {
        batchSize: 5000,
        onProgress: (p) => {
          if (tty || Date.now() - lastPrint > 1000) {
            lastPrint = Date.now();
            const line = progressLine(p.projection, p.position, p.head, p.events / Math.max(p.elapsedMs / 1000, 0.001));
            process.stdout.write(tty ? `\r${line}` : `${line}\n`);
          }
        },
      });
      const rate = Math.round(result.events / Math.max(result.elapsedMs / 1000, 0.001));
      process.stdout.write(`${tty ? '\n' : ''}${projection.name}: rebuilt ${result.events} events in ${result.elapsedMs} ms (${rate} ev/s)\n`);
    }
  } finally {
    await ctx.close();
  }
}

main().catch((error) => {
  process.stderr.write(`projections:rebuild failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
