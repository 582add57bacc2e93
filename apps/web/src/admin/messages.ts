/** The admin screens' words (zh-CN first). Keys live under 'admin.'. */
export const messages = {
  'zh-CN': { admin: { menu: 'admin', tab: { mine: 'admin' } } as Record<string, unknown> },
  en: { admin: { menu: 'admin', tab: { mine: 'admin' } } as Record<string, unknown> },
};
