import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, call, idempotencyKey, type CommandResult } from '../api/client';
import { ApiError } from '../api/problems';
import type { Building, Location } from '../api/views';

export type SupportOutcome = 'supported' | 'already' | 'own' | 'failed';

/**
 * 附议 (SPEC §4.7): once per resident. The service does not say whom a ticket was supported by, so
 * what this session learnt (a 200, or 409 ALREADY_SUPPORTED) is remembered here for every screen.
 */
export const useSupport = defineStore('resident-support', () => {
  const supported = ref<Record<string, true>>({});
  const own = ref<Record<string, true>>({});
  const busy = ref<Record<string, true>>({});

  async function support(ticketId: string): Promise<{ outcome: SupportOutcome; result?: CommandResult; error?: ApiError }> {
    busy.value = { ...busy.value, [ticketId]: true };
    try {
      const result = (await call(
        api.POST('/tickets/{id}/support', {
          params: { path: { id: ticketId } },
          body: {} as never,
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      )) as unknown as CommandResult;
      supported.value = { ...supported.value, [ticketId]: true };
      return { outcome: 'supported', result };
    } catch (error) {
      if (error instanceof ApiError && error.problem.code === 'ALREADY_SUPPORTED') {
        supported.value = { ...supported.value, [ticketId]: true };
        return { outcome: 'already' };
      }
      if (error instanceof ApiError && error.problem.code === 'CANNOT_SUPPORT_OWN') {
        own.value = { ...own.value, [ticketId]: true };
        return { outcome: 'own' };
      }
      return { outcome: 'failed', error: error instanceof ApiError ? error : undefined };
    } finally {
      const { [ticketId]: _, ...rest } = busy.value;
      busy.value = rest;
    }
  }
  return { supported, own, busy, support };
});

/** "3号楼 2单元 1203" or the public area: names as the community registered them, never codes. */
export function placeText(location: Location | null | undefined, buildings: readonly Building[] = []): string {
  if (!location) return '—';
  const parts: string[] = [];
  if (location.building) parts.push(buildings.find((b) => b.code === location.building)?.name ?? `${location.building}号楼`);
  if (location.unit) parts.push(location.unit);
  if (location.room) parts.push(location.room);
  if (location.area) parts.push(location.area);
  if (!parts.length && location.note) parts.push(location.note);
  return parts.join(' ') || '—';
}
