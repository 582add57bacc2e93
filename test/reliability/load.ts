import { http } from '../support/test-app';
import { ticketBody } from '../support/world';

export type Filing = Readonly<{ id: string; position: number }>;

/** `clients` loops filing tickets until stopped; only answers of 201 count as acknowledged. */
export function fileUnderLoad(url: string, token: string, clients: number, communityId = 'qianpu') {
  const acknowledged: Filing[] = [];
  let failures = 0;
  let running = true;
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; running; i++) {
      try {
        const r = await http(url, 'POST', '/tickets', { token, body: ticketBody({ communityId, title: `负载 ${c}-${i}` }) });
        if (r.status === 201) acknowledged.push({ id: r.body.id, position: r.body.position });
        else failures += 1;
      } catch {
        failures += 1;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  return {
    acknowledged,
    failures: () => failures,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Every acknowledged filing must be readable and listed once projections pass its position. */
export async function missingFrom(url: string, token: string, filings: readonly Filing[]): Promise<string[]> {
  if (filings.length === 0) return [];
  const highest = Math.max(...filings.map((f) => f.position));
  const listed = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = `/tickets?limit=100&minPosition=${highest}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await http(url, 'GET', query, { token });
    if (page.status !== 200) throw new Error(`listing failed: ${page.status} ${page.text}`);
    for (const item of page.body.items as { id: string }[]) listed.add(item.id);
    cursor = page.body.nextCursor;
  } while (cursor);
  return filings.map((f) => f.id).filter((id) => !listed.has(id));
}
