import type { RouteRecordRaw } from 'vue-router';

/**
 * The reference data, under /console/admin (SPEC §10 "Admin"). Some screens are also for the roles
 * the service lets do part of it: managers and the committee keep a community's buildings (managers
 * its working hours too), and register people (managers their company's staff, the committee and
 * the secretary residents). The communities list is last among the menu entries because the
 * console marks the first entry whose path starts the current one, and '/console/admin' starts all.
 */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/companies',
    name: 'admin-companies',
    component: () => import('./CompaniesPage.vue'),
    meta: { menu: 'admin.menu.companies', roles: ['admin'] },
  },
  {
    path: 'admin/calendars',
    name: 'admin-calendars',
    component: () => import('./CalendarsPage.vue'),
    meta: { menu: 'admin.menu.calendars', roles: ['admin'] },
  },
  {
    path: 'admin/people',
    name: 'admin-people',
    component: () => import('./PeoplePage.vue'),
    meta: { menu: 'admin.menu.people', roles: ['admin', 'manager', 'committee', 'secretary'] },
  },
  {
    path: 'admin/webhooks',
    name: 'admin-webhooks',
    component: () => import('./WebhooksPage.vue'),
    meta: { menu: 'admin.menu.webhooks', roles: ['admin'] },
  },
  {
    path: 'admin/communities/:id',
    name: 'admin-community',
    component: () => import('./CommunityPage.vue'),
    meta: { roles: ['admin', 'manager', 'committee'] },
  },
  {
    path: 'admin',
    name: 'admin',
    component: () => import('./AdminHome.vue'),
    meta: { menu: 'admin.menu.communities', roles: ['admin', 'manager', 'committee'] },
  },
];
