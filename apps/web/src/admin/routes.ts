import type { RouteRecordRaw } from 'vue-router';

/** Admin's reference data, under /console/admin. */
export const adminRoutes: RouteRecordRaw[] = [
  { path: 'admin', name: 'admin', component: () => import('./AdminHome.vue'), meta: { menu: 'admin.menu', roles: ['admin'] } },
];
