import { onBeforeUnmount, onMounted, ref } from 'vue';
import { api, call } from '../api/client';
import { ApiError } from '../api/problems';
import type { Page, Ticket } from '../api/views';
import { useLive } from '../stores/live';
import { useReference } from '../stores/reference';

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

  /** Reads one page: the first (replacing what is listed) or the one after the cursor (appended, each ticket once). */
  async function read(from: string | null) {
    loading.value = true;
    try {
      const page = await fetchPage(from);
      const known = new Set(from ? items.value.map((t) => t.id) : []);
      items.value = from ? [...items.value, ...page.items.filter((t) => !known.has(t.id))] : page.items;
      cursor.value = page.nextCursor ?? null;
      finished.value = !page.nextCursor;
      offline.value = false;
      failed.value = null;
    } catch (error) {
      fail(error);
    } finally {
      loading.value = false;
      if (!from) loaded.value = true;
    }
  }

  /** The first page again (pull-to-refresh, a live notification). */
  const refresh = () => read(null);

  /** The next page (van-list's load). */
  async function more() {
    if (!loaded.value) return refresh();
    if (finished.value || !cursor.value) {
      finished.value = true;
      return;
    }
    await read(cursor.value);
  }

  return { items, finished, loading, loaded, offline, failed, refresh, more };
}
export type PagedTickets = ReturnType<typeof usePagedTickets>;

/**
 * A resident's list screen: its tickets paged, read on mounting and again on each live notification,
 * with the buildings of the communities it shows (for the places on its cards).
 */
export function useLiveTickets(filter: () => TicketFilter, communities: () => readonly string[]): PagedTickets {
  const paged = usePagedTickets(filter);
  const live = useLive();
  const reference = useReference();
  let unsubscribe: (() => void) | null = null;
  onMounted(async () => {
    unsubscribe = live.onNotification(() => void paged.refresh());
    for (const id of communities()) void reference.loadBuildings(id).catch(() => null);
    await paged.refresh();
  });
  onBeforeUnmount(() => unsubscribe?.());
  return paged;
}
