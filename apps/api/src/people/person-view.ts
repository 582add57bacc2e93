import { maskPhone, seesPhone, type Principal, type Role } from '@jinlin/domain';
import { ERASED_NAME } from './people-directory';

/** A person as the API shows them: the log's facts and, as far as the caller may see, the personal data. */
export type PersonView = Readonly<{
  id: string;
  name: string | null;
  roles: readonly Role[];
  communities: readonly string[];
  companyId: string | null;
  /** Masked (138****5678) for everyone but admins and the person. */
  phone: string | null;
  /** Only to admins and the person. */
  username: string | null;
  erased: boolean;
}>;

export type PersonFacts = Readonly<{ id: string; roles: readonly Role[]; communities: readonly string[]; companyId: string | null }>;
export type PersonalFields = Readonly<{ name: string | null; phone: string | null; username: string | null; erased: boolean }>;

export function personView(actor: Principal, facts: PersonFacts, data: PersonalFields | null): PersonView {
  const erased = data?.erased ?? false;
  const full = seesPhone(actor, facts.id);
  return {
    id: facts.id,
    name: erased ? ERASED_NAME : (data?.name ?? null),
    roles: facts.roles,
    communities: facts.communities,
    companyId: facts.companyId,
    phone: data?.phone ? (full ? data.phone : maskPhone(data.phone)) : null,
    username: full ? (data?.username ?? null) : null,
    erased,
  };
}
