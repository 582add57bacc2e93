import type { RouteRecordRaw } from 'vue-router';

/** The resident's phone screens, under /m (PhoneShell shows a tab for each route with meta.tab, in this order). */
export const residentRoutes: RouteRecordRaw[] = [
  { path: 'file', name: 'resident-file', component: () => import('./FileTicket.vue'), meta: { tab: 'resident.tab.file', icon: 'edit' } },
  {
    path: 'neighbours',
    name: 'resident-neighbours',
    component: () => import('./NeighbourTickets.vue'),
    meta: { tab: 'resident.tab.neighbours', icon: 'friends-o' },
  },
  { path: '', name: 'my-tickets', component: () => import('./MyTickets.vue'), meta: { tab: 'resident.tab.mine', icon: 'orders-o' } },
  { path: 'tickets/:id', name: 'resident-ticket', component: () => import('./TicketPage.vue'), props: true },
];
