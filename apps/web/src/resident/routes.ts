import type { RouteRecordRaw } from 'vue-router';

/** The resident's phone screens, under /m (PhoneShell shows a tab for each route with meta.tab). */
export const residentRoutes: RouteRecordRaw[] = [
  { path: '', name: 'my-tickets', component: () => import('./MyTickets.vue'), meta: { tab: 'resident.tab.mine', icon: 'orders-o' } },
];
