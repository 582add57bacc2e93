import { ref } from 'vue';
import { api, call } from '../api/client';
import { ApiError } from '../api/problems';
import type { Page, Ticket } from '../api/views';

export type TicketFilter = { reporterId?: string; communityId?: string; visibility?: 'community' };

/**
 * GET /tickets, newest first, a page at a time (nextCursor): what van-list and van-pull-refresh need,
 * and whether the last attempt found no network (the list keeps what it had).
 */
export function usePagedTickets(filter: () => TicketFilter, limit = 20) {
  const items = ref<Ticket[]>([]);
  const cursor = ref<string | null>(null);
  const finished = ref(false);
  const loading = ref(false);
  const loaded = ref(false);
  const offline = ref(false);
  const failed = ref<ApiError | null>(null);

  async function fetchPage(from: string | null): Promise<Page<Ticket>> {
    const query = { ...filter(), limit, ...(from ? { cursor: from } : {}) };
    return (await call(api.GET('/tickets', { params: { query: query as never } }))) as unknown as Page<Ticket>;
  }

  function fail(error: unknown) {
    failed.value = error instanceof ApiError ? error : new ApiError(0, { status: 0, title: 'error', detail: String(error) });
    offline.value = failed.value.offline;
  }

  /** The first page again (pull-to-refresh, a live notification). */
  async function refresh() {
    loading.value = true;
    try {
      const page = await fetchPage(null);
      items.value = page.items;
      cursor.value = page.nextCursor ?? null;
      finished.value = !page.nextCursor;
      offline.value = false;
      failed.value = null;
    } catch (error) {
      fail(error);
    } finally {
      loading.value = false;
      loaded.value = true;
    }
  }

  /** The next page (van-list's load). */
  async function more() {
    if (!loaded.value) return refresh();
    if (finished.value || !cursor.value) {
      finished.value = true;
      return;
    }
    loading.value = true;
    try {
      const page = await fetchPage(cursor.value);
      const known = new Set(items.value.map((t) => t.id));
      items.value = [...items.value, ...page.items.filter((t) => !known.has(t.id))];
      cursor.value = page.nextCursor ?? null;
      finished.value = !page.nextCursor;
      offline.value = false;
      failed.value = null;
    } catch (error) {
      fail(error);
    } finally {
      loading.value = false;
    }
  }

  return { items, finished, loading, loaded, offline, failed, refresh, more };
}
