import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeI18n } from '@/i18n';
import HistoryChanges from './HistoryChanges.vue';

const changes = [
  { field: 'letterNumber', label: 'Nomor surat', labelEn: 'Letter number', before: null, after: '050/1/411.309/2026' },
  { field: 'subject', label: 'Perihal', labelEn: 'Subject', before: 'Lama', after: 'Baru' },
  { field: 'note', label: 'Catatan', labelEn: 'Note', before: 'Ada', after: null },
];

describe('HistoryChanges', () => {
  it.each<['id' | 'en', string[]]>([
    // The gap after the field's name is the style's (.history-field margin), not a space.
    ['id', ['Nomor surat:050/1/411.309/2026', 'Perihal:Lama → Baru', 'Catatan:Ada → —']],
    ['en', ['Letter number:050/1/411.309/2026', 'Subject:Lama → Baru', 'Note:Ada → —']],
  ])('in %s shows each field as old → new (no old value: the new one alone; removed: —)', (locale, lines) => {
    const w = mount(HistoryChanges, { props: { changes }, global: { plugins: [makeI18n(locale)] } });
    expect(w.findAll('li').map((li) => li.text().replace(/\s+/g, ' '))).toEqual(lines);
    expect(w.findAll('del').map((d) => d.text())).toEqual(['Lama', 'Ada']);
    expect(w.findAll('ins').map((d) => d.text())).toEqual(['050/1/411.309/2026', 'Baru', '—']);
  });

  it('shows nothing for a record without field changes', () => {
    const w = mount(HistoryChanges, { props: { changes: [] }, global: { plugins: [makeI18n('id')] } });
    expect(w.find('ul').exists()).toBe(false);
  });
});
