import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeI18n } from '@/i18n';
import ImportErrorTable from './ImportErrorTable.vue';

const cells = [
  { row: 7, column: 'Realisasi', message: 'Harus berupa angka' },
  { row: 9, column: 'Keterangan', message: 'Terlalu panjang (maks. 500 karakter)' },
];

describe('ImportErrorTable', () => {
  it('lists every problem by row and column, in Indonesian', () => {
    const w = mount(ImportErrorTable, { props: { cells }, global: { plugins: [makeI18n('id')] } });
    expect(w.find('caption').text()).toBe('2 isian bermasalah');
    expect(w.findAll('th').map((th) => th.text())).toEqual(['Baris', 'Kolom', 'Masalah']);
    const rows = w.findAll('[data-test="import-error-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.findAll('td').map((td) => td.text())).toEqual(['7', 'Realisasi', 'Harus berupa angka']);
  });
  it('has English headings on the switch and renders nothing without cells', () => {
    const w = mount(ImportErrorTable, { props: { cells }, global: { plugins: [makeI18n('en')] } });
    expect(w.findAll('th').map((th) => th.text())).toEqual(['Row', 'Column', 'Problem']);
    const empty = mount(ImportErrorTable, { props: { cells: [] }, global: { plugins: [makeI18n('id')] } });
    expect(empty.find('table').exists()).toBe(false);
  });
});
