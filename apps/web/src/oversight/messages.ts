/** The oversight screens' words (zh-CN first). Keys live under 'oversight.'. */
export const messages = {
  'zh-CN': { oversight: { menu: 'oversight', tab: { mine: 'oversight' } } as Record<string, unknown> },
  en: { oversight: { menu: 'oversight', tab: { mine: 'oversight' } } as Record<string, unknown> },
};
