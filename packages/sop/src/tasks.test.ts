import type { Role } from './roles';
import { availableRequestActions, REQUEST_TRANSITIONS, type RequestAction, type RequestStatus } from './state-machine';
import { escalationTaskTitle, requestTaskTitle, submissionTaskTitle } from './tasks';

describe('inbox task titles', () => {
  // Each status as each acting role finds it: a short action, and never a hand-over to oneself.
  it.each<[RequestStatus, Role[], string, string]>([
    ['AT_SEKRETARIS', ['SEKRETARIS'], 'Disposisikan ke Kasubbag', 'Dispose to the Kasubbag'],
    ['AT_KASUBBAG', ['KASUBBAG'], 'Disposisikan ke staf penyusun', 'Dispose to staff'],
    ['AT_PENYUSUN', ['PENYUSUN'], 'Kirim format data ke Bidang', 'Send the data format to the Bidang'],
    ['AT_PENYUSUN', ['KASUBBAG'], 'Kirim format data ke Bidang', 'Send the data format to the Bidang'],
    ['COLLECTING', ['PENYUSUN'], 'Teruskan data terkumpul ke Kasubbag', 'Forward the collected data to the Kasubbag'],
    ['COLLECTING', ['KASUBBAG'], 'Tutup pengumpulan data Bidang', 'Close the collection of Bidang data'],
    ['COMPILING', ['KASUBBAG'], 'Himpun data yang terkumpul', 'Compile the collected data'],
    ['ANALYSING', ['KASUBBAG'], 'Analisis data, kirim laporan ke Sekretaris', 'Analyse the data, send the report to the Sekretaris'],
    ['REPORT_AT_SEKRETARIS', ['SEKRETARIS'], 'Naikkan laporan ke Kepala Dinas', 'Raise the report to the Kepala Dinas'],
    // A Sekretaris who is also Plt. Kepala Dinas does not raise the report to himself.
    ['REPORT_AT_SEKRETARIS', ['SEKRETARIS', 'KEPALA_DINAS'], 'Tanda tangani laporan', 'Sign the report'],
  ])('%s as %j: "%s"', (status, roles, id, en) => {
    expect(requestTaskTitle(availableRequestActions(status, roles), roles)).toEqual({ id, en });
  });

  it('every step action has a short title (at most 45 characters), none an SOP sentence', () => {
    // Returns and a cancel are never an item's title: the step's own action is.
    const notTasks: RequestAction[] = ['RETURN_REPORT', 'KEPALA_RETURN', 'CANCEL'];
    const actions = [...new Set(REQUEST_TRANSITIONS.filter((t) => !notTasks.includes(t.action)).map((t) => t.action))];
    for (const a of actions) {
      const title = requestTaskTitle([a], []);
      expect(title).not.toBeNull();
      expect(title!.id.length).toBeLessThanOrEqual(45);
    }
  });

  it('takes the first action with a title and gives null when there is none', () => {
    expect(requestTaskTitle(['RETURN_REPORT' as RequestAction, 'RAISE_TO_KEPALA'], ['SEKRETARIS'])?.id).toBe('Naikkan laporan ke Kepala Dinas');
    expect(requestTaskTitle([], ['SEKRETARIS'])).toBeNull();
    expect(requestTaskTitle(['RETURN_REPORT'], ['SEKRETARIS'])).toBeNull();
  });

  it.each([
    ['fill', 'Isi data Bidang Pemerintahan Desa', 'Fill in the data of Bidang Pemerintahan Desa'],
    ['fixReturned', 'Perbaiki data Bidang Pemerintahan Desa yang dikembalikan', 'Fix the returned data of Bidang Pemerintahan Desa'],
    ['review', 'Periksa data Bidang Pemerintahan Desa', 'Review the data of Bidang Pemerintahan Desa'],
  ] as const)('submission task %s names the Bidang', (kind, id, en) => {
    expect(submissionTaskTitle[kind]('Bidang Pemerintahan Desa')).toEqual({ id, en });
  });

  it('an escalation names the late step', () => {
    expect(escalationTaskTitle(4)).toEqual({ id: 'Terlambat: langkah 4 lewat waktu baku', en: 'Late: step 4 is past its standard time' });
  });
});
