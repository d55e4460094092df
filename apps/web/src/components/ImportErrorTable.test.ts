import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeI18n } from '@/i18n';
import ImportErrorTable from './ImportErrorTable.vue';

const cells = [
  { row: 7, column: 'Realisasi', message: 'Harus berupa angka', messageEn: 'Must be a number' },
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
    // The API's English twin where it sent one, the Indonesian text otherwise.
    expect(w.findAll('[data-test="import-error-row"]').map((r) => r.findAll('td')[2]!.text())).toEqual(['Must be a number', 'Terlalu panjang (maks. 500 karakter)']);
    const empty = mount(ImportErrorTable, { props: { cells: [] }, global: { plugins: [makeI18n('id')] } });
    expect(empty.find('table').exists()).toBe(false);
  });
});
