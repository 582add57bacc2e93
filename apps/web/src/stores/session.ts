import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, call, setCsrfToken } from '../api/client';
import { ApiError } from '../api/problems';
import type { Role, Session } from '../api/views';

type SignedIn = Session['person'];

/** Where each role starts: residents on their phone screens, everyone else in the console. */
export function homeOf(roles: readonly Role[]): string {
  if (roles.includes('admin')) return '/console/admin';
  if (roles.includes('staff') || roles.includes('manager')) return '/console/queue';
  if (roles.some((r) => ['committee', 'secretary', 'neighbourhood', 'subdistrict'].includes(r))) return '/console/overview';
  return '/m';
}

/**
 * The signed-in person, from GET /auth/me (the HttpOnly cookie proves the session; the CSRF token it
 * answers with is kept in memory only). Reloading the page asks /auth/me again.
 */
export const useSession = defineStore('session', () => {
  const person = ref<SignedIn | null>(null);
  const expiresAt = ref<string | null>(null);
  const checked = ref(false);

  function adopt(session: Session | null) {
    person.value = session?.person ?? null;
    expiresAt.value = session?.expiresAt ?? null;
    setCsrfToken(session?.csrfToken ?? null);
  }

  async function load(): Promise<SignedIn | null> {
    try {
      adopt(await call(api.GET('/auth/me', {})));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      adopt(null);
    } finally {
      checked.value = true;
    }
    return person.value;
  }

  async function signIn(username: string, password: string): Promise<SignedIn> {
    adopt(await call(api.POST('/auth/sign-in', { body: { username, password } })));
    checked.value = true;
    return person.value!;
  }

  async function signOut(): Promise<void> {
    try {
      await call(api.POST('/auth/sign-out'));
    } finally {
      adopt(null);
    }
  }

  const roles = computed<Role[]>(() => person.value?.roles ?? []);
  const has = (...wanted: Role[]) => roles.value.some((r) => wanted.includes(r) || r === 'admin');
  return { person, expiresAt, checked, roles, has, load, signIn, signOut, adopt };
});
