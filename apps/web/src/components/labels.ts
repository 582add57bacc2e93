import { useI18n } from 'vue-i18n';
import { useReference } from '../stores/reference';

/** Names, not codes (SPEC §10): every status, role, level, category and event in the user's language. */
export function useLabels() {
  const { t, te, locale } = useI18n();
  const reference = useReference();
  const named = (prefix: string) => (code: string | null | undefined) =>
    code == null ? '—' : te(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code;
  return {
    status: named('status'),
    role: named('role'),
    level: named('level'),
    event: named('event'),
    waitingOn: named('waitingOn'),
    visibility: named('visibility'),
    category: (code: string | null | undefined) => (code ? reference.categoryName(code, locale.value) : '—'),
    community: (id: string | null | undefined) => (id ? reference.communityName(id) : '—'),
    /** A company by its name once the console has read GET /companies (ConsoleShell does), its id until then. */
    company: (id: string | null | undefined) => (id ? reference.companyName(id) : '—'),
    /** Names in a row: 居民、物业员工 in Chinese, "Resident, Staff" in English. */
    list: (names: readonly string[]) => names.join(locale.value === 'en' ? ', ' : '、'),
  };
}
