import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { makeI18n } from '@/i18n';
import EntryForm, { type EntryRow } from './EntryForm.vue';

const rows: EntryRow[] = [
  { indicatorId: 'i1', indicatorCode: 'IKU-02', indicatorName: 'Profil Desa mutakhir', sasaran: 'S1', satuan: '%', polarity: 'HIGHER_IS_BETTER', target: 90 },
  { indicatorId: 'i2', indicatorCode: 'IKU-06', indicatorName: 'Temuan pemeriksaan', sasaran: 'S1', satuan: 'temuan', polarity: 'LOWER_IS_BETTER', target: 20 },
  { indicatorId: 'i3', indicatorCode: 'IKU-08', indicatorName: 'Penyerapan Dana Desa', sasaran: 'S3', satuan: '%', polarity: 'RANGE', target: 20, targetUpper: 30 },
];

function mountForm(locale: 'id' | 'en' = 'id') {
  const realisasi = ref<Record<string, string>>({});
  const notes = ref<Record<string, string>>({});
  const Host = defineComponent({
    setup: () => () =>
      h(EntryForm, {
        rows,
        realisasi: realisasi.value,
        'onUpdate:realisasi': (v: Record<string, string>) => (realisasi.value = v),
        notes: notes.value,
        'onUpdate:notes': (v: Record<string, string>) => (notes.value = v),
      }),
  });
  return { wrapper: mount(Host, { global: { plugins: [makeI18n(locale)] } }), realisasi };
}

describe('EntryForm', () => {
  it('shows capaian and category as the operator types', async () => {
    const { wrapper, realisasi } = mountForm();
    const cap = () => wrapper.get('[data-test="capaian-IKU-02"]').text();
    expect(cap()).toContain('belum ada');
    await wrapper.get('[data-test="realisasi-IKU-02"]').setValue('72');
    expect(realisasi.value.i1).toBe('72');
    expect(cap()).toContain('80,00%');
    expect(cap()).toContain('Baik');
    await wrapper.get('[data-test="realisasi-IKU-02"]').setValue('85,5');
    expect(cap()).toContain('95,00%');
    expect(cap()).toContain('Sangat Baik');
  });

  it('uses the polarity of each indicator', async () => {
    const { wrapper } = mountForm();
    await wrapper.get('[data-test="realisasi-IKU-06"]').setValue('30');
    expect(wrapper.get('[data-test="capaian-IKU-06"]').text()).toContain('50,00%');
    expect(wrapper.get('[data-test="capaian-IKU-06"]').text()).toContain('Sangat Kurang');
    await wrapper.get('[data-test="realisasi-IKU-08"]').setValue('25');
    expect(wrapper.get('[data-test="capaian-IKU-08"]').text()).toContain('100,00%');
    expect(wrapper.text()).toContain('20–30');
  });

  it('flags text that is not a number instead of computing 0', async () => {
    const { wrapper } = mountForm();
    const input = wrapper.get('[data-test="realisasi-IKU-02"]');
    await input.setValue('tujuh');
    expect(wrapper.get('[data-test="capaian-IKU-02"]').text()).toContain('Bukan angka yang sah');
    expect(input.attributes('aria-invalid')).toBe('true');
  });

  it('shows what an ambiguous number was read as, before anything is saved', async () => {
    const { wrapper } = mountForm();
    const input = wrapper.get('[data-test="realisasi-IKU-02"]');
    await input.setValue('1.250');
    expect(wrapper.get('[data-test="read-as-IKU-02"]').text()).toBe('Dibaca: 1.250 (bukan 1,25)');
    expect(wrapper.get('[data-test="capaian-IKU-02"]').text()).toContain('1.388,89%');
    await input.setValue('1.250,5');
    expect(wrapper.find('[data-test="read-as-IKU-02"]').exists()).toBe(false);
  });

  it('refuses the English decimal point in Indonesian with a hint, never guessing', async () => {
    const { wrapper } = mountForm();
    const input = wrapper.get('[data-test="realisasi-IKU-02"]');
    await input.setValue('72.5');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-test="read-as-IKU-02"]').text()).toContain('koma untuk desimal');
  });

  it('speaks English when asked, with English number format', async () => {
    const { wrapper } = mountForm('en');
    await wrapper.get('[data-test="realisasi-IKU-02"]').setValue('81');
    expect(wrapper.get('[data-test="capaian-IKU-02"]').text()).toContain('90.00%');
    expect(wrapper.get('[data-test="capaian-IKU-02"]').text()).toContain('Good');
    expect(wrapper.text()).toContain('Achievement');
  });

  it('labels every input', () => {
    const { wrapper } = mountForm();
    for (const input of wrapper.findAll('input')) {
      const id = input.attributes('id');
      expect(id).toBeTruthy();
      expect(wrapper.find(`label[for="${id}"]`).exists()).toBe(true);
    }
  });
});
