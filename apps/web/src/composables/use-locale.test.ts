import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { useI18n } from 'vue-i18n';
import { LOCALE_KEY, makeI18n, storedLocale } from '@/i18n';
import { useLocale } from './use-locale';

describe('use-locale', () => {
  it('switches language, remembers it, and marks <html lang>', async () => {
    localStorage.removeItem(LOCALE_KEY);
    expect(storedLocale()).toBe('id');
    let api!: ReturnType<typeof useLocale>;
    const Probe = defineComponent({
      setup() {
        api = useLocale();
        const { t } = useI18n();
        return () => h('h1', t('home.title'));
      },
    });
    const w = mount(Probe, { global: { plugins: [makeI18n()] } });
    expect(w.text()).toBe('Yang menunggu Anda');
    api.setLocale('en');
    await w.vm.$nextTick();
    expect(w.text()).toBe('Waiting for you');
    expect(localStorage.getItem(LOCALE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(storedLocale()).toBe('en');
    localStorage.removeItem(LOCALE_KEY);
  });
});
