/**
 * The roles of the SOP "Mekanisme Pengumpulan Data Kinerja", plus the administrator.
 * Acting officials (Plt/Plh) hold a role for a time; callers pass every role an actor holds
 * right now, so nothing here needs to know about acting arrangements.
 */
export const ROLES = [
  'ADMIN',
  'KEPALA_DINAS',
  'SEKRETARIS',
  'KASUBBAG',
  'PENYUSUN',
  'BIDANG_OPERATOR',
  'BIDANG_HEAD',
  // Issue 14: the APIP (Inspektorat) verifier of audit follow-ups. Office-scoped for now.
  'APIP',
  // Issue 15: the kabupaten (pemda) level. Held by staff of one of the pemda's offices (Setda,
  // Bappeda, Inspektorat); they read across every office of their pemda and never beyond it.
  'PEMDA_ADMIN',
  'PEMDA_ANALYST',
  'PEMDA_VIEWER',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that see every Bidang of their office (all submissions, the analysis). */
export const OFFICE_WIDE_ROLES: readonly Role[] = ['ADMIN', 'KEPALA_DINAS', 'SEKRETARIS', 'KASUBBAG', 'PENYUSUN'];
/** Roles that fill in and see only their own Bidang's data. */
export const BIDANG_ROLES: readonly Role[] = ['BIDANG_OPERATOR', 'BIDANG_HEAD'];
/**
 * Roles outside the office's line that verify audit follow-ups (TL HP, issue 14): they read the
 * office's findings, not its submissions or analyses. Neither office-wide nor a Bidang role.
 */
export const VERIFIER_ROLES: readonly Role[] = ['APIP'];
/**
 * Roles of the pemda above the offices (issue 15): neither office-wide nor a Bidang role in their
 * own office's procedure; what they may do across the pemda's offices is decided by the pemda
 * features, read-only except issuing requests (analyst) and creating offices (pemda admin).
 */
export const PEMDA_ROLES: readonly Role[] = ['PEMDA_ADMIN', 'PEMDA_ANALYST', 'PEMDA_VIEWER'];
export const isPemdaRole = (roles: readonly string[]): boolean => roles.some((r) => (PEMDA_ROLES as readonly string[]).includes(r));

/** Who manages indicators, Sasaran, Renstra periods and targets (issue 12 §3). */
export const INDICATOR_MANAGERS = ['ADMIN', 'KASUBBAG', 'PENYUSUN'] as const satisfies readonly Role[];

/** Whether someone holding these roles (own + Plt/Plh) sees the whole office, not only own Bidang. */
export const seesWholeOffice = (roles: readonly string[]): boolean => roles.some((r) => (OFFICE_WIDE_ROLES as readonly string[]).includes(r));

export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  ADMIN: { id: 'Administrator', en: 'Administrator' },
  KEPALA_DINAS: { id: 'Kepala Dinas', en: 'Head of Office' },
  SEKRETARIS: { id: 'Sekretaris Dinas', en: 'Office Secretary' },
  KASUBBAG: {
    id: 'Kasubbag Program dan Evaluasi',
    en: 'Head of Programme and Evaluation Subdivision',
  },
  PENYUSUN: {
    id: 'Penyusun Bahan Evaluasi, Rencana, Program dan Laporan',
    en: 'Evaluation, Planning, Programme and Reporting Officer',
  },
  BIDANG_OPERATOR: { id: 'Operator Bidang', en: 'Division Operator' },
  BIDANG_HEAD: { id: 'Kepala Bidang', en: 'Head of Division' },
  APIP: { id: 'Verifikator APIP (Inspektorat)', en: 'APIP verifier (Inspectorate)' },
  PEMDA_ADMIN: { id: 'Administrator Pemda', en: 'Regional government administrator' },
  PEMDA_ANALYST: { id: 'Analis Pemda (Bappeda/Inspektorat)', en: 'Regional analyst (Bappeda/Inspectorate)' },
  PEMDA_VIEWER: { id: 'Pimpinan Daerah (Sekda/Bupati)', en: 'Regional leadership (read-only)' },
};

/**
 * Where an overdue step escalates. Follows the line of command in the SOP: staff answer to the
 * Kasubbag, the Kasubbag to the Sekretaris, the Sekretaris to the Kepala Dinas. A Bidang head
 * reports to the Sekretaris in the usual Dinas structure. The Kepala Dinas and the
 * administrator have nobody above them inside the office.
 */
export const SUPERIOR: Record<Role, Role | null> = {
  ADMIN: null,
  KEPALA_DINAS: null,
  SEKRETARIS: 'KEPALA_DINAS',
  KASUBBAG: 'SEKRETARIS',
  PENYUSUN: 'KASUBBAG',
  BIDANG_OPERATOR: 'BIDANG_HEAD',
  BIDANG_HEAD: 'SEKRETARIS',
  // The Inspektorat is outside the office's line of command.
  APIP: null,
  // The pemda level is above the offices' lines of command.
  PEMDA_ADMIN: null,
  PEMDA_ANALYST: null,
  PEMDA_VIEWER: null,
};

/**
 * How each role marks a document, after the SOP's "Pencatatan dan Pendataan": the Kepala Dinas
 * signs (tanda tangan), the Sekretaris and the Kasubbag initial (paraf). The SOP is silent on the
 * Penyusun and the Bidang head; they initial what they hand on, as is usual for staff documents.
 * An operator only prepares data and the administrator takes no part in the procedure.
 */
export type RecordMark = 'SIGNATURE' | 'PARAF' | 'NONE';

/** How a mark is named on paper. */
export const RECORD_MARK_LABELS: Record<RecordMark, { id: string; en: string }> = {
  SIGNATURE: { id: 'Tanda tangan', en: 'Signature' },
  PARAF: { id: 'Paraf', en: 'Initials' },
  NONE: { id: 'Tanpa tanda', en: 'No mark' },
};

export const RECORD_KIND: Record<Role, RecordMark> = {
  ADMIN: 'NONE',
  KEPALA_DINAS: 'SIGNATURE',
  SEKRETARIS: 'PARAF',
  KASUBBAG: 'PARAF',
  PENYUSUN: 'PARAF',
  BIDANG_OPERATOR: 'NONE',
  BIDANG_HEAD: 'PARAF',
  APIP: 'PARAF',
  PEMDA_ADMIN: 'NONE',
  PEMDA_ANALYST: 'PARAF',
  PEMDA_VIEWER: 'NONE',
};
