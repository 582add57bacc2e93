/** The queue screens' words (zh-CN first). Keys live under 'queue.'. */
export const messages = {
  'zh-CN': { queue: { menu: 'queue', tab: { mine: 'queue' } } as Record<string, unknown> },
  en: { queue: { menu: 'queue', tab: { mine: 'queue' } } as Record<string, unknown> },
};
