import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n, initialLocale } from '../i18n';
import { mountInApp } from '../test-support';
import LocaleSwitch from './LocaleSwitch.vue';
import StatusTag from './StatusTag.vue';

enableAutoUnmount(afterEach);
beforeEach(() => {
  localStorage.clear();
});

describe('LocaleSwitch', () => {
  it('offers the other language, named in that language', () => {
    const chinese = mountInApp(LocaleSwitch).get('button');
    expect(chinese.text()).toBe('English');
    expect(chinese.attributes('lang')).toBe('en');

    const english = mountInApp(LocaleSwitch, { locale: 'en' }).get('button');
    expect(english.text()).toBe('中文');
    expect(english.attributes('lang')).toBe('zh-CN');
  });

  it('switches the whole app to English and back, and the device remembers the choice', async () => {
    const button = mountInApp(LocaleSwitch).get('button');
    const tag = mountInApp(StatusTag, { props: { status: 'open' } });
    expect(initialLocale()).toBe('zh-CN');

    await button.trigger('click');
    expect(i18n.global.locale.value).toBe('en');
    expect(tag.text()).toBe('New');
    expect(button.text()).toBe('中文');
    expect(localStorage.getItem('jinlin.locale')).toBe('en');
    expect(initialLocale()).toBe('en');

    await button.trigger('click');
    expect(i18n.global.locale.value).toBe('zh-CN');
    expect(tag.text()).toBe('待受理');
    expect(localStorage.getItem('jinlin.locale')).toBe('zh-CN');
    expect(initialLocale()).toBe('zh-CN');
  });

  it('keeps nothing but the language on the device', async () => {
    await mountInApp(LocaleSwitch).get('button').trigger('click');
    expect(Object.keys(localStorage)).toEqual(['jinlin.locale']);
  });
});
