import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeI18n } from '@/i18n';
import SubmissionValuesTable, { type ValueRow } from './SubmissionValuesTable.vue';

const row = (p: Partial<ValueRow>): ValueRow => ({
  indicatorId: 'i1', indicatorCode: 'IKU-01', indicatorName: 'Desa mandiri', satuan: 'desa', target: 80, targetUpper: null,
  realisasi: 92, note: null, capaian: 115, category: { code: 'SANGAT_BAIK', label: 'Sangat Baik', labelEn: 'Very good' }, ...p,
});

describe('SubmissionValuesTable', () => {
  it('gives every cell its own label for the phone layout, and no sideways scroller around it', () => {
    const w = mount(SubmissionValuesTable, {
      props: { values: [row({}), row({ indicatorId: 'i2', indicatorCode: 'IKU-02', realisasi: 77.666, capaian: 103.7, category: null })] },
      global: { plugins: [makeI18n('id')] },
    });
    const first = w.get('[data-test="value-IKU-01"]');
    expect(first.get('[data-test="realisasi"]').text()).toBe('Realisasi92');
    expect(first.get('[data-test="capaian"]').text()).toBe('Capaian115,00%');
    expect(first.get('[data-test="category"]').text()).toBe('KategoriSangat Baik');
    const second = w.get('[data-test="value-IKU-02"]');
    expect(second.get('[data-test="realisasi"]').text()).toBe('Realisasi77,67');
    expect(second.get('[data-test="capaian"]').text()).toBe('Capaian103,70%');
    expect(second.get('[data-test="category"]').text()).toBe('Kategori—');
    // The labels are for the eye only: screen readers get the column headers.
    expect(w.findAll('.vt-label').every((l) => l.attributes('aria-hidden') === 'true')).toBe(true);
    expect(w.findAll('th[role="columnheader"]')).toHaveLength(5);
    expect(w.find('.table-wrap').exists()).toBe(false);
  });
});
