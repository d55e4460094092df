import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeI18n } from '@/i18n';
import FindingFacts from './FindingFacts.vue';

const finding = { kondisi: 'Data capaian tidak\ndidukung bukti.', kriteria: 'PermenPAN-RB 53/2014.', sebab: 'Belum ada SOP verifikasi.', akibat: 'Capaian tidak dapat diyakini.' };
const pairs = (w: ReturnType<typeof mount>) => {
  const dts = w.findAll('dt').map((x) => x.text());
  const dds = w.findAll('dd').map((x) => x.text());
  return dts.map((dt, i) => [dt, dds[i]]);
};

describe('FindingFacts', () => {
  it('states the four elements of a finding in order, its texts as written (line breaks kept)', () => {
    const w = mount(FindingFacts, { props: { finding }, global: { plugins: [makeI18n('id')] } });
    expect(pairs(w)).toEqual([
      ['Kondisi', 'Data capaian tidak\ndidukung bukti.'],
      ['Kriteria', 'PermenPAN-RB 53/2014.'],
      ['Sebab', 'Belum ada SOP verifikasi.'],
      ['Akibat', 'Capaian tidak dapat diyakini.'],
    ]);
    expect(w.findAll('dd.prewrap')).toHaveLength(4);
  });

  it('adds the indicator only when the finding names one, in the reader’s language', () => {
    const w = mount(FindingFacts, { props: { finding: { ...finding, indicatorName: 'IKU-01 Persentase desa' } }, global: { plugins: [makeI18n('en')] } });
    expect(pairs(w).map(([dt]) => dt)).toEqual(['Condition', 'Criteria', 'Cause', 'Effect', 'Related indicator (if any)']);
    expect(pairs(w)[4]![1]).toBe('IKU-01 Persentase desa');
    const none = mount(FindingFacts, { props: { finding: { ...finding, indicatorName: null } }, global: { plugins: [makeI18n('id')] } });
    expect(none.findAll('dt')).toHaveLength(4);
  });
});
