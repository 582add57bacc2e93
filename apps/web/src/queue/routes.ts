import type { RouteRecordRaw } from 'vue-router';

/** Staff and managers' work queue and ticket page, under /console. */
export const queueRoutes: RouteRecordRaw[] = [
  { path: 'queue', name: 'queue', component: () => import('./WorkQueue.vue'), meta: { menu: 'queue.menu', roles: ['staff', 'manager'] } },
];
