import type { Role } from './roles';
import type { RequestAction } from './state-machine';

/**
 * What a person's inbox calls the work waiting on them: a short action in the imperative
 * ("Disposisikan ke Kasubbag"), not the SOP's activity sentence, which describes the step from the
 * outside ("Kasubbag … menghimpun data … dari Kasubbag … yang telah terkumpul") and reads wrong to
 * the person who must act. A hand-over names its recipient, except to the recipient himself: the
 * Kasubbag who forwards the collection (covering for the Penyusun) closes it, he does not send it
 * to himself.
 */
export interface TaskTitle {
  id: string;
  en: string;
}

interface ActionTask {
  title: TaskTitle;
  /** The role a hand-over goes to; an actor holding it gets `selfTitle` instead. */
  recipient?: Role;
  selfTitle?: TaskTitle;
}

export const ACKNOWLEDGE_TASK_TITLE: TaskTitle = { id: 'Terima laporan kinerja', en: 'Receive the performance report' };

const ACTION_TASKS: Partial<Record<RequestAction, ActionTask>> = {
  DISPOSE_TO_KASUBBAG: { title: { id: 'Disposisikan ke Kasubbag', en: 'Dispose to the Kasubbag' } },
  DISPOSE_TO_STAFF: { title: { id: 'Disposisikan ke staf penyusun', en: 'Dispose to staff' } },
  SEND_FORMAT: { title: { id: 'Kirim format data ke Bidang', en: 'Send the data format to the Bidang' } },
  FORWARD_COLLECTION: {
    title: { id: 'Teruskan data terkumpul ke Kasubbag', en: 'Forward the collected data to the Kasubbag' },
    recipient: 'KASUBBAG',
    selfTitle: { id: 'Tutup pengumpulan data Bidang', en: 'Close the collection of Bidang data' },
  },
  COMPILE: { title: { id: 'Himpun data yang terkumpul', en: 'Compile the collected data' } },
  SUBMIT_REPORT: {
    title: { id: 'Analisis data, kirim laporan ke Sekretaris', en: 'Analyse the data, send the report to the Sekretaris' },
    recipient: 'SEKRETARIS',
    selfTitle: { id: 'Analisis data dan susun laporan', en: 'Analyse the data and prepare the report' },
  },
  RAISE_TO_KEPALA: {
    title: { id: 'Naikkan laporan ke Kepala Dinas', en: 'Raise the report to the Kepala Dinas' },
    recipient: 'KEPALA_DINAS',
    selfTitle: { id: 'Tanda tangani laporan', en: 'Sign the report' },
  },
  CLOSE_COLLECTION: { title: { id: 'Tutup pengumpulan tanpa Bidang yang absen', en: 'Close the collection without absent Bidang' } },
  ACKNOWLEDGE: { title: ACKNOWLEDGE_TASK_TITLE },
};

/**
 * The inbox title of a request step for an actor holding `roles`, from the actions open to him
 * (the first one with a task: a step's main action comes first in the state machine, before a
 * return or a cancel). Null when none has a task title (the caller falls back to the SOP text).
 */
export function requestTaskTitle(actions: readonly RequestAction[], roles: readonly Role[]): TaskTitle | null {
  for (const action of actions) {
    const task = ACTION_TASKS[action];
    if (!task) continue;
    if (task.recipient && task.selfTitle && roles.includes(task.recipient)) return task.selfTitle;
    return task.title;
  }
  return null;
}

/** Titles of the work on one Bidang's submission, naming that Bidang ("Periksa data Bidang Pemerintahan Desa"). */
export const submissionTaskTitle = {
  fill: (bidang: string): TaskTitle => ({ id: `Isi data ${bidang}`, en: `Fill in the data of ${bidang}` }),
  fixReturned: (bidang: string): TaskTitle => ({ id: `Perbaiki data ${bidang} yang dikembalikan`, en: `Fix the returned data of ${bidang}` }),
  review: (bidang: string): TaskTitle => ({ id: `Periksa data ${bidang}`, en: `Review the data of ${bidang}` }),
  /** The Kepala Bidang's sign-off of what his operator sent him (issue 11). */
  approve: (bidang: string): TaskTitle => ({ id: `Setujui data ${bidang}`, en: `Sign off the data of ${bidang}` }),
} as const;


/** A late step escalated to the superior of the role that should act. */
export function escalationTaskTitle(step: number): TaskTitle {
  return { id: `Terlambat: langkah ${step} lewat waktu baku`, en: `Late: step ${step} is past its standard time` };
}
