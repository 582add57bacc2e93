import type { RouteRecordRaw } from 'vue-router';

/** Committee, secretary and officials' overview, audit and reports, under /console. */
export const oversightRoutes: RouteRecordRaw[] = [
  {
    path: 'overview',
    name: 'overview',
    component: () => import('./CommunityOverview.vue'),
    meta: { menu: 'oversight.menu', roles: ['committee', 'secretary', 'neighbourhood', 'subdistrict', 'manager'] },
  },
];
