import { describe, expect, it } from 'vitest';
import { messages as admin } from '../admin/messages';
import { messages as oversight } from '../oversight/messages';
import { messages as queue } from '../queue/messages';
import { messages as resident } from '../resident/messages';
import { common } from './common';

/**
 * vue-i18n falls back to zh-CN for a key English lacks, so a gap shows an English user Chinese without
 * any warning (the app turns the warnings off). Each area's words are checked both ways here.
 */
const areas: Record<string, { 'zh-CN': object; en: object }> = { common, resident, queue, oversight, admin };

/** Every leaf of a messages tree as 'a.b.c' → its value. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const [p, v] of leaves(value, path)) found.set(p, v);
    else found.set(path, value);
  }
  return found;
}

/** The named placeholders of a message ({n}, {left}, …) in order of first use, each once. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]))].sort();

describe.each(Object.entries(areas))('%s messages', (_area, { 'zh-CN': zh, en }) => {
  const zhLeaves = leaves(zh);
  const enLeaves = leaves(en);

  it('has every zh-CN key in English', () => {
    expect([...zhLeaves.keys()].filter((k) => !enLeaves.has(k))).toEqual([]);
  });

  it('has no English key that zh-CN lacks', () => {
    expect([...enLeaves.keys()].filter((k) => !zhLeaves.has(k))).toEqual([]);
  });

  it('has no empty or non-text message in either language', () => {
    const bad = (words: Map<string, unknown>) => [...words].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad(zhLeaves)).toEqual([]);
    expect(bad(enLeaves)).toEqual([]);
  });

  it('writes English in English (only the language switch names 中文 in its own script)', () => {
    const chinese = [...enLeaves].filter(([k, v]) => typeof v === 'string' && /[\u3400-\u9fff]/.test(v) && k !== 'action.language');
    expect(chinese.map(([k]) => k)).toEqual([]);
  });

  it('fills the same placeholders in both languages', () => {
    const differing = [...zhLeaves]
      .filter(([k, v]) => typeof v === 'string' && typeof enLeaves.get(k) === 'string')
      .filter(([k, v]) => placeholders(v as string).join() !== placeholders(enLeaves.get(k) as string).join())
      .map(([k]) => k);
    expect(differing).toEqual([]);
  });
});

it('finds a gap when there is one (the checks above are not vacuous)', () => {
  const zh = leaves({ a: { b: '甲', c: '乙' } });
  const en = leaves({ a: { b: 'A' } });
  expect([...zh.keys()].filter((k) => !en.has(k))).toEqual(['a.c']);
  expect(placeholders('剩余 {left}，共 { n } 项 {left}')).toEqual(['left', 'n']);
});
