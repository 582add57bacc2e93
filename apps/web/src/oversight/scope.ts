import { computed, ref } from 'vue';
import type { LocationQuery } from 'vue-router';
import { useReference } from '../stores/reference';
import { useSession } from '../stores/session';
import { lastDays, monthOf, monthWindow, type Window } from './figures';

/** The community and period chosen, shared by the overview and the report while the tab is open. */
const communityId = ref<string | null>(null);
const mode = ref<'last30' | 'month'>('last30');
const month = ref<string>(monthOf(Date.now()));

export function useScope() {
  const session = useSession();
  const reference = useReference();
  /** The person's communities (an admin with none: every community). */
  const communities = computed(() => {
    const own = session.person?.communities ?? [];
    if (session.roles.includes('admin') && !own.length) return reference.communities;
    return reference.communities.filter((c) => own.includes(c.id));
  });

  async function ready(query?: LocationQuery): Promise<void> {
    await reference.loadCommunities();
    const asked = typeof query?.communityId === 'string' ? query.communityId : null;
    if (asked && communities.value.some((c) => c.id === asked)) communityId.value = asked;
    if (typeof query?.month === 'string' && /^\d{4}-\d{2}$/.test(query.month)) {
      month.value = query.month;
      mode.value = 'month';
    }
    if (!communityId.value || !communities.value.some((c) => c.id === communityId.value))
      communityId.value = communities.value[0]?.id ?? null;
  }

  const window = computed<Window>(() => (mode.value === 'month' ? monthWindow(month.value) : lastDays(30, Date.now())));
  return { communities, communityId, mode, month, window, ready };
}
