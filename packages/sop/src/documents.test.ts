import { documentAudience, isOfficeWideDocument, mayReadDocument, type DocumentAudience, type DocumentSubject } from './documents';
import type { Role } from './roles';

const B1 = 'bidang-1';
const B2 = 'bidang-2';

const doc = (kind: DocumentSubject['kind'], bidangId: string | null = null): DocumentSubject => ({ kind, bidangId });

describe('documentAudience', () => {
  it.each<[string, DocumentSubject, DocumentAudience]>([
    ['an LHP attached to Bidang 1’s submission', doc('LHP', B1), 'OWN_BIDANG'],
    ['an LHE attached to a submission', doc('LHE', B1), 'OWN_BIDANG'],
    ['a TL HP attached to a submission', doc('TL_HP', B2), 'OWN_BIDANG'],
    ['another attachment of a submission', doc('OTHER', B1), 'OWN_BIDANG'],
    ['the format issued for Bidang 1', doc('FORMAT', B1), 'OWN_BIDANG'],
    ['a format the secretariat attached for every Bidang', doc('FORMAT'), 'EVERY_BIDANG'],
    ['the recap of capaian', doc('REPORT'), 'OFFICE'],
    ['the disposition sheet', doc('DISPOSITION'), 'OFFICE'],
    ['a paper the secretariat attached to the request', doc('OTHER'), 'OFFICE'],
    ['an LHP attached to the request, not to a submission', doc('LHP'), 'OFFICE'],
    ['the compiled data set', doc('DATASET'), 'SECRETARIAT'],
  ])('%s → %s', (_name, d, audience) => {
    expect(documentAudience(d)).toBe(audience);
  });
});

describe('mayReadDocument', () => {
  const op1 = { roles: ['BIDANG_OPERATOR'], bidangIds: [B1] };
  const head1 = { roles: ['BIDANG_HEAD'], bidangIds: [B1] };
  const who = (roles: Role[], bidangIds: string[] = []) => ({ roles, bidangIds });

  // reader, document, may read
  it.each<[string, { roles: string[]; bidangIds: string[] }, DocumentSubject, boolean]>([
    // A Bidang sees its own attachments and format, and a format meant for every Bidang …
    ['operator, own LHP', op1, doc('LHP', B1), true],
    ['head, own TL HP', head1, doc('TL_HP', B1), true],
    ['operator, own format', op1, doc('FORMAT', B1), true],
    ['operator, format for every Bidang', op1, doc('FORMAT'), true],
    // … and nothing else (issue 9 item 1: the recap and the disposition sheet leaked).
    ['operator, another Bidang’s LHP', op1, doc('LHP', B2), false],
    ['operator, another Bidang’s format', op1, doc('FORMAT', B2), false],
    ['operator, the recap', op1, doc('REPORT'), false],
    ['head, the recap', head1, doc('REPORT'), false],
    ['operator, the disposition sheet', op1, doc('DISPOSITION'), false],
    ['operator, a request-level paper', op1, doc('OTHER'), false],
    ['operator, the data set', op1, doc('DATASET'), false],
    ['operator of two Bidang (Plt), the second one’s LHP', who(['BIDANG_OPERATOR'], [B1, B2]), doc('LHP', B2), true],
    // Office-wide roles see everything of their office …
    ['Kepala Dinas, the recap', who(['KEPALA_DINAS']), doc('REPORT'), true],
    ['Sekretaris, the disposition sheet', who(['SEKRETARIS']), doc('DISPOSITION'), true],
    ['Kasubbag, a Bidang’s LHP', who(['KASUBBAG']), doc('LHP', B2), true],
    ['Penyusun, a Bidang’s format', who(['PENYUSUN']), doc('FORMAT', B1), true],
    ['administrator, the recap', who(['ADMIN']), doc('REPORT'), true],
    ['a Bidang head who is Plt Sekretaris, the recap', who(['BIDANG_HEAD', 'SEKRETARIS'], [B1]), doc('REPORT'), true],
    // … except the compiled data set, which is the secretariat's working material.
    ['Sekretaris, the data set', who(['SEKRETARIS']), doc('DATASET'), true],
    ['Kasubbag, the data set', who(['KASUBBAG']), doc('DATASET'), true],
    ['Penyusun, the data set', who(['PENYUSUN']), doc('DATASET'), true],
    ['Kepala Dinas, the data set', who(['KEPALA_DINAS']), doc('DATASET'), false],
    ['administrator, the data set', who(['ADMIN']), doc('DATASET'), false],
    // Nobody without a role.
    ['no roles, a format for every Bidang', who([]), doc('FORMAT'), false],
    ['no roles, own-looking LHP', who([], [B1]), doc('LHP', B1), false],
    ['an unknown role, the recap', { roles: ['TAMU'], bidangIds: [] }, doc('REPORT'), false],
  ])('%s → %p', (_name, reader, d, expected) => {
    expect(mayReadDocument(reader, d)).toBe(expected);
  });
});

describe('isOfficeWideDocument (downloads and exports that are audited)', () => {
  it.each<[DocumentSubject, boolean]>([
    [doc('REPORT'), true],
    [doc('DISPOSITION'), true],
    [doc('DATASET'), true],
    [doc('OTHER'), true],
    [doc('FORMAT'), false],
    [doc('FORMAT', B1), false],
    [doc('LHP', B1), false],
  ])('%p → %p', (d, expected) => {
    expect(isOfficeWideDocument(d)).toBe(expected);
  });
});
