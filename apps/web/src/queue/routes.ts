import type { RouteRecordRaw } from 'vue-router';

/** Staff and managers' work queue, ticket page and filing on a resident's behalf, under /console. */
export const queueRoutes: RouteRecordRaw[] = [
  { path: 'queue', name: 'queue', component: () => import('./WorkQueue.vue'), meta: { menu: 'queue.menu', roles: ['staff', 'manager'] } },
  {
    path: 'file',
    name: 'queue-file',
    component: () => import('./FileForResident.vue'),
    meta: { menu: 'queue.fileMenu', roles: ['staff', 'manager'] },
  },
  {
    path: 'tickets/:id',
    name: 'queue-ticket',
    component: () => import('./TicketPage.vue'),
    props: true,
    meta: { roles: ['staff', 'manager'] },
  },
];
