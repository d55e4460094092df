import urql from '@urql/vue';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeI18n } from '@/i18n';
import { adminRouter, mockClient, type Responder } from '@/test/mock-client';
import PemdaScalePage from './PemdaScalePage.vue';

const SCALE = {
  code: 'LKJIP_5', version: 1, name: 'Skala LKjIP', validFrom: '2020-01-01', cap: null,
  bands: [{ min: 91, code: 'SANGAT_BAIK', label: 'Sangat Baik', labelEn: 'Very good' }, { min: 0, code: 'SANGAT_KURANG', label: 'Sangat Kurang', labelEn: 'Very poor' }],
};

async function mountPage(respond: Responder) {
  const mock = mockClient(respond);
  const router = adminRouter();
  await router.push('/admin-users');
  const wrapper = mount(PemdaScalePage, { global: { plugins: [makeI18n('id'), router, [urql, mock.client]] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.find('[data-test="scale-now"]').exists()).toBe(true));
  return { wrapper, ...mock };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('PemdaScalePage', () => {
  const respond: Responder = (op, v) =>
    op === 'PemdaScale' ? { data: { categoryScale: SCALE } } : op === 'SetScaleCap' ? { data: { setScaleCap: { code: 'LKJIP_5', version: 7, validFrom: (v.i as any).validFrom, cap: (v.i as any).cap } } } : {};

  it('shows the scale in force and reads the cap the Indonesian way ("112,5" is 112.5)', async () => {
    const { wrapper, calls } = await mountPage(respond);
    expect(wrapper.get('[data-test="scale-cap"]').text()).toBe('Tanpa batas capaian');
    await wrapper.get('[data-test="scale-cap-input"]').setValue('112,5');
    await wrapper.get('[data-test="scale-from"]').setValue('2099-01-01');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-test="scale-saved"]').exists()).toBe(true));
    expect(calls.find((c) => c.operationName === 'SetScaleCap')?.variables).toEqual({ i: { cap: 112.5, validFrom: '2099-01-01' } });
    expect(wrapper.get('[data-test="scale-saved"]').text()).toContain('versi 7');
  });

  it('a cap that is not a number is refused naming the field, and nothing is sent', async () => {
    const { wrapper, count } = await mountPage(respond);
    await wrapper.get('[data-test="scale-cap-input"]').setValue('seratus');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Batas capaian: tulis angka'));
    expect(count('SetScaleCap')).toBe(0);
  });

  it('"no cap" sends null', async () => {
    const { wrapper, calls } = await mountPage(respond);
    await wrapper.get('[data-test="scale-nocap"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(calls.some((c) => c.operationName === 'SetScaleCap')).toBe(true));
    expect((calls.find((c) => c.operationName === 'SetScaleCap')!.variables.i as any).cap).toBeNull();
  });
});
