import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketStatus } from '../api/views';
import { i18n } from '../i18n';
import { mountInApp } from '../test-support';
import StatusTag from './StatusTag.vue';

/** What a resident (zh-CN) or an English-reading staff member sees for each status, and its colour family. */
const statuses: [TicketStatus, string, string, string][] = [
  ['open', '待受理', 'New', 'new'],
  ['acknowledged', '已受理', 'Acknowledged', 'work'],
  ['in_progress', '处理中', 'In progress', 'work'],
  ['waiting', '等待中', 'Waiting', 'wait'],
  ['resolved', '待确认', 'Awaiting confirmation', 'check'],
  ['closed', '已办结', 'Closed', 'done'],
  ['withdrawn', '已撤回', 'Withdrawn', 'done'],
  ['merged', '已合并', 'Merged', 'done'],
];

enableAutoUnmount(afterEach);

describe('StatusTag', () => {
  it.each(statuses)('shows %s as 「%s」 / "%s" in the %s tone', (status, zh, en, tone) => {
    const chinese = mountInApp(StatusTag, { props: { status } });
    expect(chinese.text()).toBe(zh);
    expect(chinese.classes()).toEqual(['status', tone]);

    const english = mountInApp(StatusTag, { props: { status }, locale: 'en' });
    expect(english.text()).toBe(en);
    expect(english.classes()).toEqual(['status', tone]);
  });

  it('follows a change of language without remounting', async () => {
    const tag = mountInApp(StatusTag, { props: { status: 'resolved' } });
    expect(tag.text()).toBe('待确认');
    i18n.global.locale.value = 'en';
    await tag.vm.$nextTick();
    expect(tag.text()).toBe('Awaiting confirmation');
  });

  it('follows a change of status', async () => {
    const tag = mountInApp(StatusTag, { props: { status: 'open' } });
    await tag.setProps({ status: 'closed' });
    expect(tag.text()).toBe('已办结');
    expect(tag.classes()).toContain('done');
    expect(tag.classes()).not.toContain('new');
  });
});
