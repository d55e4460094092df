/**
 * The text of every notification, in Indonesian and English. A notification keeps its event and
 * parameters; the text is made when it is shown or sent, in the reader's language (e-mail and
 * WhatsApp: the user's choice, Indonesian unless English was chosen; the API answers both).
 */
import { getStep, ROLE_LABELS, type NotificationEvent, type Role } from '@sipedaki/sop';

export type Lang = 'id' | 'en';
export interface Rendered {
  title: string;
  body: string;
}

const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const ZONES: Record<number, string> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

/** "30 November 2026 08.08 WIB" (Indonesian writes the clock with a dot) / "30 November 2026 08:08 WIB". */
export function formatMoment(iso: string | null | undefined, offsetMinutes: number, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(new Date(iso).getTime() + offsetMinutes * 60_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const zone = ZONES[offsetMinutes] ?? `UTC${offsetMinutes >= 0 ? '+' : '−'}${Math.abs(offsetMinutes / 60)}`;
  return `${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}${lang === 'id' ? '.' : ':'}${mm} ${zone}`;
}

export interface Params {
  letterNumber?: string;
  /** The issuing office of a pemda request (REQUEST_RECEIVED). */
  sender?: string;
  subject?: string;
  step?: number;
  fromRole?: Role;
  instruction?: string;
  bidangName?: string;
  reason?: string;
  count?: number;
  percent?: number;
  dueAt?: string | null;
  lateRoles?: Role[];
  items?: { letterNumber: string; step: number; dueAt: string }[];
  until?: string;
  device?: string;
  ip?: string | null;
  at?: string;
  offsetMinutes?: number;
  // Findings (TL HP, issue 14)
  reportNumber?: string;
  findingCode?: string;
  recommendationCode?: string;
  /** A date only, 'YYYY-MM-DD'. */
  deadline?: string;
  note?: string;
}

/** '2027-03-16' → "16 Maret 2027" / "16 March 2027". */
export function formatDay(date: string | undefined, lang: Lang): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[lang][(m ?? 1) - 1]} ${y}`;
}

const role = (r: Role | undefined, lang: Lang) => (r ? ROLE_LABELS[r][lang] : '');
const stepName = (n: number | undefined, lang: Lang) => (n ? `${lang === 'id' ? 'langkah' : 'step'} ${n} (${lang === 'id' ? getStep(n).activity : getStep(n).activityEn})` : '');

export function render(event: NotificationEvent, p: Params, lang: Lang): Rendered {
  const at = (iso: string | null | undefined) => formatMoment(iso, p.offsetMinutes ?? 420, lang);
  const letter = p.letterNumber ?? '';
  const id = lang === 'id';
  switch (event) {
    case 'REQUEST_RECEIVED':
      return id
        ? { title: `Permintaan data baru dari ${p.sender}: surat ${letter}`, body: `${p.sender} meminta data kinerja "${p.subject}". Surat sudah terdaftar; disposisikan kepada Kasubbag Program dan Evaluasi.\nBatas waktu langkah 1: ${at(p.dueAt)}` }
        : { title: `New data request from ${p.sender}: letter ${letter}`, body: `${p.sender} asks for the performance data "${p.subject}". The letter is registered; pass it to the Kasubbag Program dan Evaluasi.\nStep 1 due: ${at(p.dueAt)}` };
    case 'DISPOSITION_RECEIVED':
      return id
        ? { title: `Disposisi baru: surat ${letter}`, body: `${role(p.fromRole, lang)} mendisposisikan permintaan data "${p.subject}" kepada Anda.\nArahan: ${p.instruction}\nBatas waktu: ${at(p.dueAt)}` }
        : { title: `New disposition: letter ${letter}`, body: `The ${role(p.fromRole, lang)} passed the data request "${p.subject}" to you.\nInstruction: ${p.instruction}\nDue: ${at(p.dueAt)}` };
    case 'FORMAT_RECEIVED':
      return id
        ? { title: `Format permintaan data diterima: ${letter}`, body: `${p.bidangName} diminta mengisi data kinerja dan melampirkan LHP, LHE, TL HP untuk "${p.subject}". Batas waktu ${at(p.dueAt)}.` }
        : { title: `Data request format received: ${letter}`, body: `${p.bidangName} is asked to fill in its performance data and attach LHP, LHE and TL HP for "${p.subject}". Due ${at(p.dueAt)}.` };
    case 'SUBMISSION_RETURNED':
      return id
        ? { title: `Data ${p.bidangName} dikembalikan`, body: `Data kinerja ${p.bidangName} untuk surat ${letter} dikembalikan untuk diperbaiki: "${p.reason}".` }
        : { title: `${p.bidangName}'s data returned`, body: `${p.bidangName}'s performance data for letter ${letter} was returned for correction: "${p.reason}".` };
    case 'SUBMISSION_SENT':
      return id
        ? { title: `${p.bidangName} mengirim data kinerja`, body: `${p.bidangName} telah mengirim data kinerja untuk surat ${letter}. Silakan periksa.` }
        : { title: `${p.bidangName} submitted its data`, body: `${p.bidangName} has submitted its performance data for letter ${letter}. Please review it.` };
    case 'SUBMISSION_AWAITING_HEAD':
      return id
        ? { title: `Data ${p.bidangName} menunggu persetujuan Anda`, body: `Operator ${p.bidangName} mengirim data kinerja untuk surat ${letter} kepada Anda. Periksa, lalu setujui dan kirim kepada Kasubbag, atau kembalikan dengan catatan. Batas waktu ${at(p.dueAt)}.` }
        : { title: `${p.bidangName}'s data awaits your sign-off`, body: `${p.bidangName}'s operator sent the performance data for letter ${letter} to you. Review it, then approve and send it to the Kasubbag, or return it with a note. Due ${at(p.dueAt)}.` };
    case 'SUBMISSION_HEAD_RETURNED':
      return id
        ? { title: `Kepala Bidang mengembalikan data ${p.bidangName}`, body: `Kepala Bidang mengembalikan data kinerja ${p.bidangName} untuk surat ${letter}: "${p.reason}".` }
        : { title: `The Kepala Bidang returned ${p.bidangName}'s data`, body: `The Kepala Bidang returned ${p.bidangName}'s performance data for letter ${letter}: "${p.reason}".` };
    case 'ALL_ACCEPTED':
      return id
        ? { title: `Semua Bidang diterima: ${letter}`, body: `Data kinerja ${p.count} Bidang untuk surat ${letter} telah diterima semuanya. Teruskan kepada Kasubbag.` }
        : { title: `Every Bidang accepted: ${letter}`, body: `The performance data of all ${p.count} Bidang for letter ${letter} is accepted. Forward it to the Kasubbag.` };
    case 'REPORT_WAITING':
      return id
        ? { title: `Laporan menunggu Sekretaris: ${letter}`, body: `Kasubbag menyampaikan rekap capaian kinerja "${p.subject}" untuk dinaikkan kepada Kepala Dinas. Batas waktu ${at(p.dueAt)}.` }
        : { title: `Report waiting for the Sekretaris: ${letter}`, body: `The Kasubbag handed in the performance recap "${p.subject}" to be raised to the Kepala Dinas. Due ${at(p.dueAt)}.` };
    case 'REPORT_AT_KEPALA':
      return id
        ? { title: `Laporan menunggu tanda tangan Anda: ${letter}`, body: `Sekretaris menaikkan laporan capaian kinerja "${p.subject}" kepada Anda. Mohon diterima dan ditandatangani.` }
        : { title: `Report awaiting your signature: ${letter}`, body: `The Sekretaris raised the performance report "${p.subject}" to you. Please receive and sign it.` };
    case 'REPORT_FINAL':
      return id
        ? { title: `Laporan capaian kinerja final: ${letter}`, body: `Kepala Dinas telah menerima dan menandatangani laporan capaian kinerja "${p.subject}".${p.instruction ? `\nArahan: ${p.instruction}` : ''}` }
        : { title: `Performance report final: ${letter}`, body: `The Kepala Dinas received and signed the performance report "${p.subject}".${p.instruction ? `\nDirection (arahan): ${p.instruction}` : ''}` };
    case 'REQUEST_CANCELLED':
      // To a Bidang (bidangName): its data is no longer awaited; to the secretariat: the letter is closed.
      return id
        ? { title: `Permintaan data dibatalkan: surat ${letter}`, body: p.bidangName
            ? `Sekretaris membatalkan permintaan data "${p.subject}". Data ${p.bidangName} tidak lagi ditunggu; kiriman yang belum selesai tidak dapat diubah lagi.\nAlasan: ${p.reason}`
            : `Sekretaris membatalkan permintaan data "${p.subject}". Langkah yang terbuka telah ditutup; tidak ada tindakan lagi atas surat ini.\nAlasan: ${p.reason}` }
        : { title: `Data request cancelled: letter ${letter}`, body: p.bidangName
            ? `The Sekretaris cancelled the data request "${p.subject}". ${p.bidangName}'s data is no longer awaited; an unfinished submission can no longer be changed.\nReason: ${p.reason}`
            : `The Sekretaris cancelled the data request "${p.subject}". Its open step is closed; nothing more is to be done on this letter.\nReason: ${p.reason}` };
    case 'COLLECTION_CLOSED':
      return id
        ? p.bidangName
          ? { title: `Data ${p.bidangName} tidak lagi ditunggu: surat ${letter}`, body: `Kasubbag menutup pengumpulan data "${p.subject}" tanpa data ${p.bidangName}; kiriman Bidang ini dicatat "tidak menyerahkan" dan tidak dapat diubah lagi.\nCatatan: ${p.reason}` }
          : { title: `Pengumpulan data ditutup: surat ${letter}`, body: `Kasubbag menutup pengumpulan data "${p.subject}" tanpa ${p.count} Bidang yang tidak menyerahkan; langkah 4 selesai dan data dihimpun Kasubbag (langkah 5).\nCatatan: ${p.reason}` }
        : p.bidangName
          ? { title: `${p.bidangName}'s data no longer awaited: letter ${letter}`, body: `The Kasubbag closed the collection of "${p.subject}" without ${p.bidangName}'s data; this Bidang's submission is recorded as "not handed in" and can no longer be changed.\nNote: ${p.reason}` }
          : { title: `Data collection closed: letter ${letter}`, body: `The Kasubbag closed the collection of "${p.subject}" without the ${p.count} Bidang that did not hand in; step 4 is done and the Kasubbag compiles the data (step 5).\nNote: ${p.reason}` };
    case 'STEP_REMINDER':
      return id
        ? { title: `Pengingat: ${p.percent} % waktu baku terpakai (${letter})`, body: `${cap(stepName(p.step, lang))} untuk surat ${letter} harus selesai ${at(p.dueAt)}.` }
        : { title: `Reminder: ${p.percent}% of the standard time used (${letter})`, body: `${cap(stepName(p.step, lang))} for letter ${letter} is due ${at(p.dueAt)}.` };
    case 'STEP_ESCALATED':
      return id
        ? { title: `Terlambat: langkah ${p.step} surat ${letter}`, body: `${cap(stepName(p.step, lang))} melewati batas waktu ${at(p.dueAt)}. Pelaksana: ${(p.lateRoles ?? []).map((r) => role(r, lang)).join(', ')}. Mohon ditindaklanjuti.` }
        : { title: `Late: step ${p.step} of letter ${letter}`, body: `${cap(stepName(p.step, lang))} passed its due time ${at(p.dueAt)}. Acting: ${(p.lateRoles ?? []).map((r) => role(r, lang)).join(', ')}. Please follow it up.` };
    case 'DAILY_DIGEST': {
      const lines = (p.items ?? []).map((i) => `• ${i.letterNumber}: ${id ? 'langkah' : 'step'} ${i.step}, ${id ? 'batas' : 'due'} ${at(i.dueAt)}`).join('\n');
      return id
        ? { title: `Ringkasan harian: ${p.count} langkah terlambat`, body: `Langkah SOP yang melewati batas waktu:\n${lines}` }
        : { title: `Daily digest: ${p.count} late steps`, body: `SOP steps past their due time:\n${lines}` };
    }
    case 'PASSWORD_RESET':
      return id
        ? { title: 'Kata sandi Anda diatur ulang', body: 'Administrator mengatur ulang kata sandi akun SIPEDAKI Anda; semua sesi telah diakhiri. Jika Anda tidak memintanya, hubungi administrator.' }
        : { title: 'Your password was reset', body: 'An administrator reset the password of your SIPEDAKI account; every session was ended. If you did not ask for it, contact the administrator.' };
    case 'ACCOUNT_LOCKED':
      return id
        ? { title: 'Akun Anda dikunci sementara', body: `Terlalu banyak kata sandi salah. Akun SIPEDAKI Anda dikunci sampai ${at(p.until)}. Jika bukan Anda, segera hubungi administrator.` }
        : { title: 'Your account is locked for now', body: `Too many wrong passwords. Your SIPEDAKI account is locked until ${at(p.until)}. If it was not you, contact the administrator at once.` };
    case 'NEW_DEVICE':
      return id
        ? { title: 'Masuk dari perangkat baru', body: `Akun Anda masuk dari perangkat baru (${p.device}${p.ip ? `, alamat ${p.ip}` : ''}) pada ${at(p.at)}. Jika bukan Anda, keluarkan sesi itu di Profil saya dan ganti kata sandi.` }
        : { title: 'Signed in from a new device', body: `Your account signed in from a new device (${p.device}${p.ip ? `, address ${p.ip}` : ''}) at ${at(p.at)}. If it was not you, sign that session out on your profile page and change your password.` };
    case 'TL_REMINDER':
      return id
        ? { title: `Pengingat tindak lanjut: ${p.reportNumber}`, body: `Rekomendasi ${p.recommendationCode} atas temuan ${p.findingCode} (${p.bidangName}) harus ditindaklanjuti dan diverifikasi APIP paling lambat ${formatDay(p.deadline, lang)}.` }
        : { title: `Follow-up reminder: ${p.reportNumber}`, body: `Recommendation ${p.recommendationCode} of finding ${p.findingCode} (${p.bidangName}) must be followed up and verified by the APIP by ${formatDay(p.deadline, lang)}.` };
    case 'TL_ESCALATED':
      return id
        ? { title: `Tindak lanjut terlambat: ${p.reportNumber}`, body: `Rekomendasi ${p.recommendationCode} atas temuan ${p.findingCode} (${p.bidangName}) melewati batas waktu ${formatDay(p.deadline, lang)} tanpa tindak lanjut terverifikasi. Mohon ditindaklanjuti.` }
        : { title: `Follow-up overdue: ${p.reportNumber}`, body: `Recommendation ${p.recommendationCode} of finding ${p.findingCode} (${p.bidangName}) passed its deadline ${formatDay(p.deadline, lang)} without a verified follow-up. Please act on it.` };
    case 'TL_FOLLOW_UP_SENT':
      return id
        ? { title: `Tindak lanjut menunggu verifikasi: ${p.reportNumber}`, body: `${p.bidangName} mengirim tindak lanjut rekomendasi ${p.recommendationCode} (temuan ${p.findingCode}). Silakan verifikasi.` }
        : { title: `Follow-up awaiting verification: ${p.reportNumber}`, body: `${p.bidangName} sent a follow-up of recommendation ${p.recommendationCode} (finding ${p.findingCode}). Please verify it.` };
    case 'TL_FOLLOW_UP_RETURNED':
      return id
        ? { title: `Tindak lanjut dikembalikan: ${p.reportNumber}`, body: `APIP mengembalikan tindak lanjut rekomendasi ${p.recommendationCode} (temuan ${p.findingCode}): "${p.note}". Batas waktu ${formatDay(p.deadline, lang)}.` }
        : { title: `Follow-up returned: ${p.reportNumber}`, body: `The APIP returned the follow-up of recommendation ${p.recommendationCode} (finding ${p.findingCode}): "${p.note}". Deadline ${formatDay(p.deadline, lang)}.` };
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
