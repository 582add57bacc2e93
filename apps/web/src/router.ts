import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router';
import { adminRoutes } from './admin/routes';
import { oversightRoutes } from './oversight/routes';
import { queueRoutes } from './queue/routes';
import { residentRoutes } from './resident/routes';
import type { Role } from './api/views';
import { useReference } from './stores/reference';
import { homeOf, useSession } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Signed-out users may open it. */
    public?: boolean;
    /** Who may open it (admin always may); absent: anyone signed in. */
    roles?: Role[];
    /** The console's menu entry: an i18n key. */
    menu?: string;
  }
}

/** Each area brings its own routes; the shells are the only shared layout. */
export const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('./SignIn.vue'), meta: { public: true } },
  { path: '/m', component: () => import('./phone/PhoneShell.vue'), children: residentRoutes },
  {
    path: '/console',
    component: () => import('./console/ConsoleShell.vue'),
    children: [...queueRoutes, ...oversightRoutes, ...adminRoutes],
  },
  { path: '/', name: 'home', component: () => import('./NotFound.vue'), meta: { home: true } as never },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./NotFound.vue'), meta: { public: true } },
];

export function makeRouter() {
  const router = createRouter({ history: createWebHistory('/app/'), routes });
  router.beforeEach(async (to) => {
    const session = useSession();
    if (!session.checked) {
      // The first navigation: fetch the screen's code while asking who is signed in, not after.
      preloadComponents(to);
      await session.load().catch(() => null);
      if (session.person) useReference().warmUp(session.person);
    }
    if (to.meta.public) return true;
    if (!session.person) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
    if (to.name === 'home') return homeOf(session.roles);
    const allowed = to.matched.every((r) => !r.meta.roles || session.has(...r.meta.roles));
    return allowed ? true : homeOf(session.roles);
  });
  return router;
}

/** Starts the lazy chunks of every component the route shows (the router would, but only after its guards). */
function preloadComponents(to: RouteLocationNormalized): void {
  for (const record of to.matched)
    for (const component of Object.values(record.components ?? {}))
      // A lazy loader is a bare function (vue-router's own test: not a functional component's props or name).
      if (typeof component === 'function' && !('props' in component) && !('displayName' in component) && !('__vccOpts' in component))
        void (component as () => Promise<unknown>)().catch(() => null);
}
