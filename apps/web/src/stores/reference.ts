import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, call } from '../api/client';
import type { Building, Category, Company, CommunitySummary } from '../api/views';

/** Categories, communities, companies and buildings: read once per session, shared by every screen. */
export const useReference = defineStore('reference', () => {
  const categories = ref<Category[]>([]);
  const communities = ref<CommunitySummary[]>([]);
  const companies = ref<Company[]>([]);
  const buildings = ref<Record<string, Building[]>>({});

  // One request per resource at a time: screens and the shell that ask at once share the answer.
  const inFlight = new Map<string, Promise<unknown>>();
  function once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let pending = inFlight.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read().finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  }

  async function loadCategories() {
    if (!categories.value.length) categories.value = await once('categories', async () => (await call(api.GET('/categories'))).items);
    return categories.value;
  }
  /**
   * A forced read (after a write) never takes an answer already travelling, which may predate the
   * write; and whichever read started last is the one kept, however the answers arrive.
   */
  const started = new Map<string, number>();
  function latest<T>(key: string, read: () => Promise<T>, current: () => T): () => Promise<T> {
    return async () => {
      const mine = (started.get(key) ?? 0) + 1;
      started.set(key, mine);
      const value = await read();
      return started.get(key) === mine ? value : current();
    };
  }

  async function loadCommunities(force = false) {
    const read = latest(
      'communities',
      async () => (await call(api.GET('/communities', {}))).items,
      () => communities.value,
    );
    if (force) communities.value = await read();
    else if (!communities.value.length) communities.value = await once('communities', read);
    return communities.value;
  }
  /** `minPosition`: the position of a company just registered, so the list has it. */
  async function loadCompanies(force = false, minPosition?: number) {
    if (force || !companies.value.length) {
      const read = latest(
        'companies',
        async () => (await call(api.GET('/companies', { params: { query: minPosition === undefined ? {} : { minPosition } } }))).items,
        () => companies.value,
      );
      companies.value = force ? await read() : await once('companies', read);
    }
    return companies.value;
  }
  async function loadBuildings(communityId: string, force = false) {
    if (force || !buildings.value[communityId]) {
      const key = `buildings:${communityId}`;
      const read = latest(
        key,
        async () => (await call(api.GET('/communities/{id}/buildings', { params: { path: { id: communityId } } }))).items,
        () => buildings.value[communityId] ?? [],
      );
      const items = force ? await read() : await once(key, read);
      buildings.value = { ...buildings.value, [communityId]: items };
    }
    return buildings.value[communityId];
  }
  /**
   * Asked for as soon as the person is known (the router's first guard), so the answers travel while
   * the screen's code does: on a slow phone network that is a round trip saved on every first load.
   * A resident's own estates' buildings too (the filing screen's picker); staff see too many to guess.
   */
  function warmUp(person: { roles: readonly string[]; communities: readonly string[] }) {
    void loadCategories().catch(() => null);
    void loadCommunities().catch(() => null);
    if (person.roles.length === 1 && person.roles[0] === 'resident')
      for (const id of person.communities.slice(0, 3)) void loadBuildings(id).catch(() => null);
  }
  const categoryName = (code: string, locale: string) => {
    const c = categories.value.find((x) => x.code === code);
    return c ? (locale === 'en' ? c.nameEn : c.nameZh) : code;
  };
  const communityName = (id: string) => communities.value.find((c) => c.id === id)?.name ?? id;
  const companyName = (id: string) => companies.value.find((c) => c.id === id)?.name ?? id;
  return {
    categories,
    communities,
    companies,
    buildings,
    loadCategories,
    loadCommunities,
    loadCompanies,
    loadBuildings,
    warmUp,
    categoryName,
    communityName,
    companyName,
  };
});
