import { DomainError, hasRole, type Principal } from '@jinlin/domain';

/** Webhooks are an admin's business, reading them included (their URLs carry robots' keys). */
export function mustBeAdmin(user: Principal): void {
  if (!hasRole(user, 'admin')) throw new DomainError('ADMIN_ONLY', 'webhooks');
}
