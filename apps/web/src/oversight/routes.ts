import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../api/views';

/** Who oversees (SPEC §2): the committee, the secretary, the 社区 and 街道 officials; managers read their companies' figures. */
const OVERSEERS: Role[] = ['committee', 'secretary', 'neighbourhood', 'subdistrict', 'manager'];

/** Committee, secretary and officials' overview, audit trail, handovers and monthly report, under /console. */
export const oversightRoutes: RouteRecordRaw[] = [
  {
    path: 'overview',
    name: 'overview',
    component: () => import('./CommunityOverview.vue'),
    meta: { menu: 'oversight.menu.overview', roles: OVERSEERS },
  },
  {
    path: 'handovers',
    name: 'handovers',
    component: () => import('./HandoverList.vue'),
    meta: { menu: 'oversight.menu.handovers', roles: OVERSEERS },
  },
  { path: 'handovers/:id', name: 'handover', component: () => import('./HandoverDetail.vue'), meta: { roles: OVERSEERS } },
  {
    path: 'reports/monthly',
    name: 'monthly-report',
    component: () => import('./MonthlyReport.vue'),
    meta: { menu: 'oversight.menu.report', roles: OVERSEERS },
  },
  // Reachable from every ticket row; staff read their own tickets' trails too.
  { path: 'audit/:ticketId', name: 'audit', component: () => import('./AuditTimeline.vue'), meta: { roles: [...OVERSEERS, 'staff'] } },
];
