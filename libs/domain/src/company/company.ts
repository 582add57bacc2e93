import type { Command, Event } from '../shared/command';
import { hasRole } from '../shared/principal';
import { DomainError } from '../shared/domain-error';
import type { ActorRef } from '../shared/principal';

export const companyStream = (id: string) => `company-${id}`;

export type CompanyRegistered = Event<'CompanyRegistered', { companyId: string; name: string; registeredAt: string; by: ActorRef }>;
export type CompanyEvent = CompanyRegistered;

export type RegisterCompany = Command<'RegisterCompany', { companyId: string; name: string }>;
export type CompanyCommand = RegisterCompany;

export type Company = Readonly<{ exists: false }> | Readonly<{ exists: true; id: string; name: string }>;

export const companyDecider = {
  initialState: (): Company => ({ exists: false }),
  evolve(state: Company, event: CompanyEvent): Company {
    switch (event.type) {
      case 'CompanyRegistered':
        return { exists: true, id: event.data.companyId, name: event.data.name };
      default:
        return state;
    }
  },
  decide(command: CompanyCommand, state: Company): CompanyEvent[] {
    const { actor, now } = command.metadata;
    if (!hasRole(actor, 'admin')) throw new DomainError('ADMIN_ONLY', 'property companies');
    if (state.exists) throw new DomainError('COMPANY_EXISTS', command.data.companyId);
    return [
      {
        type: 'CompanyRegistered',
        data: { companyId: command.data.companyId, name: command.data.name, registeredAt: now, by: { id: actor.id, roles: actor.roles } },
      },
    ];
  },
};
