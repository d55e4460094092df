import { DOCUMENT_KIND_LABELS, REQUIRED_DOCUMENT_KINDS, SOP_META, SOP_STEPS, getStep, type StandardTime } from './steps';
import type { Role } from './roles';

describe('SOP steps', () => {
  it.each<[number, string, Role[], StandardTime, string]>([
    [1, 'DISPOSE_TO_KASUBBAG', ['SEKRETARIS'], { minutes: 5 }, 'DISPOSITION'],
    [2, 'DISPOSE_TO_STAFF', ['KASUBBAG'], { minutes: 5 }, 'DISPOSITION'],
    [3, 'SEND_FORMAT', ['PENYUSUN'], { minutes: 10 }, 'DOCUMENTS'],
    [4, 'COLLECT', ['PENYUSUN', 'BIDANG_OPERATOR', 'BIDANG_HEAD'], { workingDays: 2 }, 'DOCUMENTS'],
    [5, 'COMPILE', ['KASUBBAG'], { workingDays: 1 }, 'DOCUMENTS'],
    [6, 'ANALYSE', ['KASUBBAG'], { workingDays: 1 }, 'REPORT'],
    [7, 'RAISE_TO_KEPALA', ['SEKRETARIS'], { minutes: 10 }, 'REPORT'],
  ])('step %i is %s by %j within %j', (no, code, actors, time, record) => {
    const step = getStep(no);
    expect(step.no).toBe(no);
    expect(step.code).toBe(code);
    expect(step.actors).toEqual(actors);
    expect(step.standardTime).toEqual(time);
    expect(step.record).toBe(record);
    expect(step.input).toBe('dokumen');
    expect(step.activity.length).toBeGreaterThan(20);
    expect(step.activityEn.length).toBeGreaterThan(20);
  });

  it('keeps the steps in SOP order', () => {
    expect(SOP_STEPS.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('adds up to the SOP total of 4 working days and 30 minutes', () => {
    const minutes = SOP_STEPS.reduce((a, s) => a + ('minutes' in s.standardTime ? s.standardTime.minutes : 0), 0);
    const days = SOP_STEPS.reduce((a, s) => a + ('workingDays' in s.standardTime ? s.standardTime.workingDays : 0), 0);
    expect({ minutes, days }).toEqual({ minutes: 30, days: 4 });
  });

  it.each([
    [3, 'Menyampaikan format permintaan data dan informasi kinerja kepada masing-masing Bidang'],
    [1, 'Sekretaris Dinas memerintahkan Kasubbag Program dan Evaluasi untuk menindaklanjuti permintaan data dan informasi kinerja dinas'],
  ])('step %i carries the corrected SOP text', (no, text) => {
    expect(getStep(no).activity).toBe(text);
  });

  it.each([
    [4, 'dokumen LHP, LHE, TL HP'],
    [6, 'rekap hasil capaian pengumpulan data kinerja dinas'],
    [1, 'dokumen format data'],
  ])('step %i outputs %s', (no, output) => {
    expect(getStep(no).output).toBe(output);
  });

  it.each([[0], [8], [1.5], [-1], [NaN]])('getStep(%p) throws', (no) => {
    expect(() => getStep(no)).toThrow(RangeError);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(SOP_STEPS)).toBe(true);
  });

  it('describes the SOP document', () => {
    expect(SOP_META).toEqual({
      title: 'Mekanisme Pengumpulan Data Kinerja',
      number: '188 / 120 / K / 411.307 / 2019',
      office: 'Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Nganjuk',
      madeOn: '2019-09-19',
    });
  });

  it.each([
    ['LHP', 'Laporan Hasil Pemeriksaan'],
    ['LHE', 'Laporan Hasil Evaluasi'],
    ['TL_HP', 'Tindak Lanjut Hasil Pemeriksaan'],
    ['FORMAT', 'Format Permintaan Data'],
    ['REPORT', 'Laporan Kinerja'],
    ['DISPOSITION', 'Lembar Disposisi'],
    ['OTHER', 'Lainnya'],
  ] as const)('labels document kind %s as %s', (kind, label) => {
    expect(DOCUMENT_KIND_LABELS[kind].id).toBe(label);
  });

  it('requires LHP, LHE and TL HP from every Bidang', () => {
    expect(REQUIRED_DOCUMENT_KINDS).toEqual(['LHP', 'LHE', 'TL_HP']);
  });
});
