import type { Role } from './roles';

/** The seven steps of the SOP, in its own numbering. */
export type StepNo = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The SOP's "mutu baku" time; working time, never calendar time (see calendar.ts). */
export type StandardTime = { minutes: number } | { workingDays: number };

export type StepCode =
  | 'DISPOSE_TO_KASUBBAG'
  | 'DISPOSE_TO_STAFF'
  | 'SEND_FORMAT'
  | 'COLLECT'
  | 'COMPILE'
  | 'ANALYSE'
  | 'RAISE_TO_KEPALA';

export interface StepDefinition {
  no: StepNo;
  code: StepCode;
  /** Who may act on this step. */
  actors: Role[];
  /** The SOP's Indonesian activity text, with its spelling slips corrected. */
  activity: string;
  activityEn: string;
  /** The SOP's "kelengkapan": every step takes documents as input. */
  input: string;
  standardTime: StandardTime;
  /** The SOP's Indonesian output. */
  output: string;
  outputEn: string;
  /** What kind of record the step leaves behind, so the app knows what to print or archive. */
  record: 'DISPOSITION' | 'DOCUMENTS' | 'REPORT';
}

export const SOP_META = {
  title: 'Mekanisme Pengumpulan Data Kinerja',
  number: '188 / 120 / K / 411.307 / 2019',
  office: 'Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Nganjuk',
  madeOn: '2019-09-19',
} as const;

const FORMAT_OUTPUT = 'dokumen format data';
const FORMAT_OUTPUT_EN = 'data format document';

const STEPS: StepDefinition[] = [
  {
    no: 1,
    code: 'DISPOSE_TO_KASUBBAG',
    actors: ['SEKRETARIS'],
    activity:
      'Sekretaris Dinas memerintahkan Kasubbag Program dan Evaluasi untuk menindaklanjuti permintaan data dan informasi kinerja dinas',
    activityEn:
      'The Sekretaris Dinas orders the Kasubbag Program dan Evaluasi to follow up the request for the office’s performance data and information',
    input: 'dokumen',
    standardTime: { minutes: 5 },
    output: FORMAT_OUTPUT,
    outputEn: FORMAT_OUTPUT_EN,
    record: 'DISPOSITION',
  },
  {
    no: 2,
    code: 'DISPOSE_TO_STAFF',
    actors: ['KASUBBAG'],
    activity:
      'Kasubbag Program dan Evaluasi memerintahkan staf untuk memenuhi permintaan data dan informasi kinerja dinas',
    activityEn:
      'The Kasubbag Program dan Evaluasi orders staff to fulfil the request for the office’s performance data and information',
    input: 'dokumen',
    standardTime: { minutes: 5 },
    output: FORMAT_OUTPUT,
    outputEn: FORMAT_OUTPUT_EN,
    record: 'DISPOSITION',
  },
  {
    // The SOP also ticks the Bidang column here: the Bidang are the receiving party of the
    // format, not the ones who send it, so only the Penyusun acts.
    no: 3,
    code: 'SEND_FORMAT',
    actors: ['PENYUSUN'],
    activity: 'Menyampaikan format permintaan data dan informasi kinerja kepada masing-masing Bidang',
    activityEn: 'Sends the performance data and information request format to each Bidang',
    input: 'dokumen',
    standardTime: { minutes: 10 },
    output: FORMAT_OUTPUT,
    outputEn: FORMAT_OUTPUT_EN,
    record: 'DOCUMENTS',
  },
  {
    no: 4,
    code: 'COLLECT',
    actors: ['PENYUSUN', 'BIDANG_OPERATOR', 'BIDANG_HEAD'],
    activity:
      'Menghimpun data dan informasi kinerja dari masing-masing Bidang dan menyampaikannya kepada Kasubbag Program dan Evaluasi',
    activityEn:
      'Collects performance data and information from each Bidang and passes it to the Kasubbag Program dan Evaluasi',
    input: 'dokumen',
    standardTime: { workingDays: 2 },
    output: 'dokumen LHP, LHE, TL HP',
    outputEn: 'LHP, LHE and TL HP documents',
    record: 'DOCUMENTS',
  },
  {
    no: 5,
    code: 'COMPILE',
    actors: ['KASUBBAG'],
    activity:
      'Menghimpun data dan informasi kinerja dari Kasubbag Program dan Evaluasi yang telah terkumpul',
    activityEn: 'Compiles the performance data and information collected for the Kasubbag Program dan Evaluasi',
    input: 'dokumen',
    standardTime: { workingDays: 1 },
    output: 'kumpulan data untuk dianalisis',
    outputEn: 'data set for analysis',
    record: 'DOCUMENTS',
  },
  {
    no: 6,
    code: 'ANALYSE',
    actors: ['KASUBBAG'],
    activity:
      'Menganalisis dan mengevaluasi data dan informasi kinerja yang telah terkumpul sebagai bahan penyusunan Laporan Kinerja',
    activityEn:
      'Analyses and evaluates the collected performance data and information as input for the Laporan Kinerja',
    input: 'dokumen',
    standardTime: { workingDays: 1 },
    output: 'rekap hasil capaian pengumpulan data kinerja dinas',
    outputEn: 'recap of the office’s performance achievement (rekap capaian)',
    record: 'REPORT',
  },
  {
    no: 7,
    code: 'RAISE_TO_KEPALA',
    actors: ['SEKRETARIS'],
    activity:
      'Kasubbag Program dan Evaluasi menyampaikan Laporan Kinerja kepada Sekretaris Dinas untuk dinaikkan kepada Kepala Dinas',
    activityEn:
      'The Kasubbag Program dan Evaluasi hands the Laporan Kinerja to the Sekretaris Dinas, who raises it to the Kepala Dinas',
    input: 'dokumen',
    standardTime: { minutes: 10 },
    output: 'hasil capaian pengumpulan data kinerja dinas',
    outputEn: 'the office’s performance achievement results',
    record: 'REPORT',
  },
];

// Frozen so no consumer can rewrite the procedure at run time.
export const SOP_STEPS: readonly StepDefinition[] = Object.freeze(STEPS);

export function getStep(no: number): StepDefinition {
  const step = SOP_STEPS.find((s) => s.no === no);
  if (!step) throw new RangeError(`Unknown SOP step: ${no}`);
  return step;
}

export type DocumentKind = 'LHP' | 'LHE' | 'TL_HP' | 'FORMAT' | 'REPORT' | 'DISPOSITION' | 'OTHER' | 'SOP_MONITORING' | 'LKJIP';

/**
 * The documents each Bidang hands in at step 4 (the SOP's output of that step): submitting needs
 * each of them that the request asks for.
 */
export const REQUIRED_DOCUMENT_KINDS: readonly DocumentKind[] = ['LHP', 'LHE', 'TL_HP'];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, { id: string; en: string }> = {
  LHP: { id: 'Laporan Hasil Pemeriksaan', en: 'Audit Report' },
  LHE: { id: 'Laporan Hasil Evaluasi', en: 'Evaluation Report' },
  TL_HP: { id: 'Tindak Lanjut Hasil Pemeriksaan', en: 'Audit Follow-up' },
  FORMAT: { id: 'Format Permintaan Data', en: 'Data Request Format' },
  REPORT: { id: 'Laporan Kinerja', en: 'Performance Report' },
  DISPOSITION: { id: 'Lembar Disposisi', en: 'Disposition Sheet' },
  OTHER: { id: 'Lainnya', en: 'Other' },
  SOP_MONITORING: { id: 'Monitoring Pelaksanaan SOP', en: 'SOP Implementation Monitoring' },
  LKJIP: { id: 'LKjIP Bab III (draf)', en: 'LKjIP chapter III (draft)' },
};

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && Object.hasOwn(DOCUMENT_KIND_LABELS, value);
}
