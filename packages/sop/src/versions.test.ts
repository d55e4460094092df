import { compareVersions, type VersionDocument, type VersionSnapshot, type VersionValue } from './versions';

const v = (code: string, realisasi: number | null, note: string | null = null): VersionValue => ({ indicatorId: `id-${code}`, code, name: `Indikator ${code}`, realisasi, note });
const d = (id: string, kind: VersionDocument['kind'], sha = id): VersionDocument => ({ id, kind, filename: `${id}.pdf`, sha256: sha, size: 10 });
const snap = (values: VersionValue[], documents: VersionDocument[] = [], narrative: string | null = null): VersionSnapshot => ({ values, documents, narrative });

describe('compareVersions: values', () => {
  it.each<[string, VersionValue[], VersionValue[], [string, number | null, number | null][]]>([
    ['nothing changed', [v('IKU-01', 10)], [v('IKU-01', 10)], []],
    ['a realisasi changed', [v('IKU-01', 10), v('IKU-02', 5)], [v('IKU-01', 12), v('IKU-02', 5)], [['IKU-01', 10, 12]]],
    ['filled in', [v('IKU-01', null, 'menunggu BPS')], [v('IKU-01', 7)], [['IKU-01', null, 7]]],
    ['emptied', [v('IKU-01', 7)], [v('IKU-01', null, 'data ditarik')], [['IKU-01', 7, null]]],
    ['only the note changed', [v('IKU-01', 7, 'a')], [v('IKU-01', 7, 'b')], [['IKU-01', 7, 7]]],
    ['blank note = no note', [v('IKU-01', 7, '  ')], [v('IKU-01', 7, null)], []],
    ['an indicator only in the later one', [], [v('IKU-01', 3)], [['IKU-01', null, 3]]],
    ['ordered by code, numeric', [v('IKU-10', 1), v('IKU-2', 1)], [v('IKU-10', 2), v('IKU-2', 2)], [['IKU-2', 1, 2], ['IKU-10', 1, 2]]],
  ])('%s', (_name, before, after, expected) => {
    expect(compareVersions(snap(before), snap(after)).values.map((c) => [c.code, c.before, c.after])).toEqual(expected);
  });
});

describe('compareVersions: documents', () => {
  it.each<[string, VersionDocument[], VersionDocument[], [string, string, string | null, string | null, boolean][]]>([
    ['same files', [d('a', 'LHP')], [d('a', 'LHP')], []],
    ['LHE replaced', [d('a', 'LHP'), d('b', 'LHE')], [d('a', 'LHP'), d('c', 'LHE')], [['LHE', 'REPLACED', 'b', 'c', false]]],
    ['re-uploaded with the same bytes', [d('b', 'LHE', 'x')], [d('c', 'LHE', 'x')], [['LHE', 'REPLACED', 'b', 'c', true]]],
    ['added', [], [d('c', 'TL_HP')], [['TL_HP', 'ADDED', null, 'c', false]]],
    ['removed', [d('o', 'OTHER')], [], [['OTHER', 'REMOVED', 'o', null, false]]],
    ['one replaced, one more added, by kind', [d('o1', 'OTHER'), d('l', 'LHP')], [d('o2', 'OTHER'), d('o3', 'OTHER'), d('l2', 'LHP')], [
      ['LHP', 'REPLACED', 'l', 'l2', false], ['OTHER', 'REPLACED', 'o1', 'o2', false], ['OTHER', 'ADDED', null, 'o3', false],
    ]],
  ])('%s', (_name, before, after, expected) => {
    expect(compareVersions(snap([], before), snap([], after)).documents.map((c) => [c.kind, c.change, c.before?.id ?? null, c.after?.id ?? null, c.sameContent])).toEqual(expected);
  });
});

describe('compareVersions: narrative', () => {
  it.each<[string | null, string | null, { before: string | null; after: string | null } | null]>([
    ['Sama', 'Sama', null],
    [null, '  ', null],
    ['Lama', 'Baru', { before: 'Lama', after: 'Baru' }],
    [null, 'Baru', { before: null, after: 'Baru' }],
  ])('%j → %j', (before, after, expected) => {
    expect(compareVersions(snap([], [], before), snap([], [], after)).narrative).toEqual(expected);
  });
});
