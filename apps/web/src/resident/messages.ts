/** The resident screens' words (zh-CN first). Keys live under 'resident.'. */
export const messages = {
  'zh-CN': { resident: { menu: 'resident', tab: { mine: 'resident' } } as Record<string, unknown> },
  en: { resident: { menu: 'resident', tab: { mine: 'resident' } } as Record<string, unknown> },
};
