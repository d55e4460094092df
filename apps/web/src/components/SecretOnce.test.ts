import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeI18n } from '@/i18n';
import SecretOnce from './SecretOnce.vue';

const mountWith = (copyState: 'idle' | 'copied' | 'failed', locale: 'id' | 'en' = 'id') =>
  mount(SecretOnce, { props: { title: 'Token baru', secret: 'spdk_x', copyState }, global: { plugins: [makeI18n(locale)] } });

describe('SecretOnce', () => {
  it('warns that the secret is shown only this once, in both languages', () => {
    expect(mountWith('idle').get('[role="alert"]').text()).toContain('tidak akan ditampilkan lagi');
    expect(mountWith('idle', 'en').get('[role="alert"]').text()).toContain('will not be shown again');
  });

  it('tells the person to copy by hand when the browser refused', () => {
    const w = mountWith('failed');
    expect(w.get('[data-test="secret-copy-state"]').text()).toContain('salin secara manual');
    expect(w.get('[data-test="secret-copy-state"]').classes()).toContain('error-text');
    expect(mountWith('copied').get('[data-test="secret-copy"]').text()).toBe('Tersalin');
  });

  it('emits copy and dismiss', async () => {
    const w = mountWith('idle');
    await w.get('[data-test="secret-copy"]').trigger('click');
    await w.get('[data-test="secret-dismiss"]').trigger('click');
    expect(Object.keys(w.emitted())).toEqual(expect.arrayContaining(['copy', 'dismiss']));
  });
});
