import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeI18n } from '@/i18n';
import PeriodPicker from './PeriodPicker.vue';

const thisYear = new Date().getFullYear();
const options = (w: ReturnType<typeof mount>, sel: string) => w.get(sel).findAll('option').map((o) => [o.attributes('value'), o.text()]);

describe('PeriodPicker', () => {
  it('offers the last five years by default, labelled, and hands back the chosen one as a number', async () => {
    const w = mount(PeriodPicker, { props: { year: thisYear, idPrefix: 'k' }, global: { plugins: [makeI18n('id')] } });
    expect(options(w, '[data-test="year"]').map(([v]) => Number(v))).toEqual([0, 1, 2, 3, 4].map((i) => thisYear - i));
    expect(w.get('label[for="k-year"]').text()).toBe('Tahun');
    expect(w.get('#k-year').element).toBe(w.get('[data-test="year"]').element);
    await w.get('[data-test="year"]').setValue(String(thisYear - 2));
    expect(w.emitted('update:year')).toEqual([[thisYear - 2]]);
  });

  it('has no period field unless the page binds a triwulan', () => {
    const w = mount(PeriodPicker, { props: { year: thisYear, idPrefix: 'l', span: 6, yearLabel: 'Tahun laporan' }, global: { plugins: [makeI18n('id')] } });
    expect(w.find('[data-test="period"]').exists()).toBe(false);
    expect(w.get('label[for="l-year"]').text()).toBe('Tahun laporan');
    expect(options(w, '[data-test="year"]')).toHaveLength(6);
  });

  it.each<['id' | 'en', string[]]>([
    ['id', ['Setahun penuh', 'Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV']],
    ['en', ['Whole year', 'Quarter I', 'Quarter II', 'Quarter III', 'Quarter IV']],
  ])('in %s offers the whole year (0) and the four Triwulan, and hands back the chosen one', async (locale, labels) => {
    const w = mount(PeriodPicker, { props: { year: thisYear, triwulan: 0, idPrefix: 'k' }, global: { plugins: [makeI18n(locale)] } });
    expect(options(w, '[data-test="period"]')).toEqual(labels.map((l, n) => [String(n), l]));
    expect(w.get('label[for="k-period"]').text()).toBe(locale === 'id' ? 'Periode' : 'Period');
    await w.get('[data-test="period"]').setValue('3');
    expect(w.emitted('update:triwulan')).toEqual([[3]]);
    expect(w.emitted('update:year')).toBeUndefined();
  });
});
