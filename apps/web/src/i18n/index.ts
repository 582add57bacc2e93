import { createI18n } from 'vue-i18n';
import { messages as admin } from '../admin/messages';
import { messages as oversight } from '../oversight/messages';
import { messages as queue } from '../queue/messages';
import { messages as resident } from '../resident/messages';
import { common } from './common';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Only the language choice is remembered on the device; never a token (SPEC §10, §2.2). */
const STORED = 'jinlin.locale';
export function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORED);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}
export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORED, locale);
}

const merge = (locale: Locale) => ({
  ...common[locale],
  ...resident[locale],
  ...queue[locale],
  ...oversight[locale],
  ...admin[locale],
});

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': merge('zh-CN'), en: merge('en') },
  missingWarn: false,
  fallbackWarn: false,
});
