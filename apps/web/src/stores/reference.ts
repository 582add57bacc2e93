import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, call } from '../api/client';
import type { Building, Category, CommunitySummary } from '../api/views';

/** Categories, communities and buildings: read once per session, shared by every screen. */
export const useReference = defineStore('reference', () => {
  const categories = ref<Category[]>([]);
  const communities = ref<CommunitySummary[]>([]);
  const buildings = ref<Record<string, Building[]>>({});

  async function loadCategories() {
    if (!categories.value.length) categories.value = (await call(api.GET('/categories'))).items;
    return categories.value;
  }
  async function loadCommunities(force = false) {
    if (force || !communities.value.length) communities.value = (await call(api.GET('/communities', {}))).items;
    return communities.value;
  }
  async function loadBuildings(communityId: string, force = false) {
    if (force || !buildings.value[communityId]) {
      const page = await call(api.GET('/communities/{id}/buildings', { params: { path: { id: communityId } } }));
      buildings.value = { ...buildings.value, [communityId]: page.items };
    }
    return buildings.value[communityId];
  }
  const categoryName = (code: string, locale: string) => {
    const c = categories.value.find((x) => x.code === code);
    return c ? (locale === 'en' ? c.nameEn : c.nameZh) : code;
  };
  const communityName = (id: string) => communities.value.find((c) => c.id === id)?.name ?? id;
  return { categories, communities, buildings, loadCategories, loadCommunities, loadBuildings, categoryName, communityName };
});
