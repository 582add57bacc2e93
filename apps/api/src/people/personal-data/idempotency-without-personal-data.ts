import { requestHash, type CommandContext } from '../../commands/command-context';

/**
 * The Idempotency-Key's request hash is stored with the key (es_idempotency) and is an unsalted
 * sha256: over a name, a phone number or a password it could be reversed by guessing (a phone
 * number has 10^11 values). For people's commands it covers only what the log holds anyway
 * (ids, roles, communities, company): a repeat with the same key and the same facts but another
 * name answers as the first did.
 */
export function withoutPersonalData(ctx: CommandContext, method: string, route: string, facts: object): CommandContext {
  if (!ctx.idempotency) return ctx;
  return { ...ctx, idempotency: { key: ctx.idempotency.key, requestHash: requestHash(method, route, facts) } };
}
