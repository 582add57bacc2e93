import { barsFor, linesFor } from './rebuild-progress';

/** A terminal of a given width that keeps what was written to it. */
function terminal(columns: number) {
  let text = '';
  return {
    stream: Object.assign(Object.create(process.stdout), {
      isTTY: true,
      columns,
      rows: 24,
      write: (chunk: string) => ((text += chunk), true),
      cursorTo: () => true,
      moveCursor: () => true,
      clearLine: () => true,
      clearScreenDown: () => true,
    }) as NodeJS.WriteStream,
    text: () => text,
  };
}

/** Terminal control sequences (ESC [ … letter): what cli-progress moves the cursor with. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
const NAMES = ['reference-data', 'tickets', 'ticket-metrics', 'handovers', 'sla-deadlines'];
const progress = (projection: string, position: number) => ({ projection, position, head: 1000, events: position, elapsedMs: 1000 });

describe('rebuild progress', () => {
  it('when on a terminal, each projection has a bar of its own line that fits the width', () => {
    const term = terminal(100);
    const display = barsFor(NAMES, term.stream);
    NAMES.forEach((n, i) => display.update(progress(n, 200 * (i + 1))));
    display.stop();
    // The last frame: one line per projection (cli-progress redraws in place with cursor moves).
    const visible = term
      .text()
      .replace(ANSI, '\n')
      .split(/[\r\n]/)
      .filter((l) => l.trim());
    const last = NAMES.map((n) => visible.filter((l) => l.startsWith(n)).at(-1)!);
    expect(last.every((l) => l.length <= 100)).toBe(true);
    expect(last.map((l) => /(\d+)% (\d+)\/1000/.exec(l)?.slice(1))).toEqual([
      ['20', '200'],
      ['40', '400'],
      ['60', '600'],
      ['80', '800'],
      ['100', '1000'],
    ]);
  });

  it('when not on a terminal, it writes plain lines, at most once a second, and the last state at the end', () => {
    let text = '';
    const display = linesFor({ write: (chunk: string) => ((text += chunk), true) } as NodeJS.WritableStream, 60_000);
    display.update(progress('tickets', 10));
    display.update(progress('tickets', 500));
    display.stop();
    expect(text.split('\n').filter(Boolean)).toEqual(['tickets: 10/1000 (10 ev/s)', 'tickets: 500/1000 (500 ev/s)']);
  });
});
