/**
 * National holidays (libur nasional) and collective leave (cuti bersama) as set each year by the
 * joint decree of three ministers (SKB 3 Menteri: Menteri Agama, Menteri Ketenagakerjaan,
 * Menteri PAN-RB). Government offices do not work on either kind.
 *
 * This list is only the shipped default. The decree is often amended during the year (Idul Fitri
 * and Idul Adha follow the moon sighting; extra cuti bersama get added), and regions add their
 * own days off, so every office keeps its calendar in the database and can edit it; pass the
 * edited dates to makeCalendar(). Weekend dates are kept as the decree lists them, even though
 * they change nothing for a Monday–Friday office.
 *
 * Only years whose decree could be checked are shipped; see HOLIDAY_SOURCES.
 */

export type HolidayKind = 'LIBUR_NASIONAL' | 'CUTI_BERSAMA';

export interface NationalHoliday {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: string;
  kind: HolidayKind;
}

export interface HolidaySource {
  year: number;
  /** False when no verified list is shipped for that year: the office must enter it. */
  shipped: boolean;
  decree: string | null;
  /** YYYY-MM-DD the decree was signed, when known. */
  signedOn: string | null;
  note: string;
  references: string[];
}

export const HOLIDAY_SOURCES: readonly HolidaySource[] = [
  {
    year: 2026,
    shipped: true,
    decree:
      'Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri Pendayagunaan Aparatur Negara dan ' +
      'Reformasi Birokrasi Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur ' +
      'Nasional dan Cuti Bersama Tahun 2026',
    signedOn: '2025-09-19',
    note:
      '17 hari libur nasional dan 8 hari cuti bersama (25 hari). Ditetapkan dalam rapat tingkat menteri yang ' +
      'dipimpin Menko PMK pada 19 September 2025; satu sumber sekunder menyebut tanggal 19 November 2025. ' +
      'Idul Fitri, Idul Adha, 1 Muharam dan Maulid mengikuti penetapan Kementerian Agama dan dapat berubah.',
    references: [
      'https://disdiksmg.semarangkota.go.id/post-detail/resmi-daftar-hari-libur-nasional-dan-cuti-bersama-tahun-2026-berdasarkan-skb-3-menteri',
      'https://pembelajaranbermaknaid.blogspot.com/2025/11/skb-3-menteri-rilis-daftar-cuti-bersama.html',
      'https://palu.tribunnews.com/news/169028/skb-tiga-menteri-total-25-hari-libur-untuk-2026-simak-daftarnya',
    ],
  },
  {
    year: 2027,
    shipped: true,
    decree:
      'Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri Pendayagunaan Aparatur Negara dan ' +
      'Reformasi Birokrasi Nomor 1205 Tahun 2026, Nomor 3 Tahun 2026, Nomor 2 Tahun 2026 tentang Hari Libur ' +
      'Nasional dan Cuti Bersama Tahun 2027',
    signedOn: '2026-09-15',
    note:
      '18 hari libur nasional dan 8 hari cuti bersama (26 hari). Idulfitri dan Iduladha masih dapat bergeser ' +
      'dengan Keputusan Menteri Agama; kantor dapat memindahkan tanggalnya (tercatat di jejak audit).',
    references: [
      'setneg.go.id: "Inilah SKB 3 Menteri Libur Nasional dan Cuti Bersama 2027"',
      'Kemenko PMK: "Pemerintah tetapkan 18 hari libur nasional dan 8 cuti bersama tahun 2027"',
    ],
  },
];

export const NATIONAL_HOLIDAYS: readonly NationalHoliday[] = [
  // 2026 — SKB 1497/2025, 2/2025, 5/2025
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'LIBUR_NASIONAL' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'LIBUR_NASIONAL' },
  { date: '2026-02-16', name: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili', kind: 'CUTI_BERSAMA' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'LIBUR_NASIONAL' },
  { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'CUTI_BERSAMA' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'LIBUR_NASIONAL' },
  { date: '2026-03-20', name: 'Cuti Bersama Idul Fitri 1447 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2026-03-21', name: 'Idul Fitri 1447 Hijriah', kind: 'LIBUR_NASIONAL' },
  { date: '2026-03-22', name: 'Idul Fitri 1447 Hijriah', kind: 'LIBUR_NASIONAL' },
  { date: '2026-03-23', name: 'Cuti Bersama Idul Fitri 1447 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2026-03-24', name: 'Cuti Bersama Idul Fitri 1447 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'LIBUR_NASIONAL' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'LIBUR_NASIONAL' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'LIBUR_NASIONAL' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'LIBUR_NASIONAL' },
  { date: '2026-05-15', name: 'Cuti Bersama Kenaikan Yesus Kristus', kind: 'CUTI_BERSAMA' },
  { date: '2026-05-27', name: 'Idul Adha 1447 Hijriah', kind: 'LIBUR_NASIONAL' },
  { date: '2026-05-28', name: 'Cuti Bersama Idul Adha 1447 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'LIBUR_NASIONAL' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'LIBUR_NASIONAL' },
  { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 Hijriah', kind: 'LIBUR_NASIONAL' },
  { date: '2026-08-17', name: 'Proklamasi Kemerdekaan Republik Indonesia', kind: 'LIBUR_NASIONAL' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'LIBUR_NASIONAL' },
  { date: '2026-12-24', name: 'Cuti Bersama Kelahiran Yesus Kristus', kind: 'CUTI_BERSAMA' },
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'LIBUR_NASIONAL' },
  // 2027 — SKB 1205/2026, 3/2026, 2/2026 (signed 15 September 2026)
  { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'LIBUR_NASIONAL' },
  { date: '2027-01-05', name: 'Isra Mikraj Nabi Muhammad SAW 1448 Hijriah', kind: 'LIBUR_NASIONAL' },
  { date: '2027-02-05', name: 'Cuti Bersama Tahun Baru Imlek 2578 Kongzili', kind: 'CUTI_BERSAMA' },
  { date: '2027-02-06', name: 'Tahun Baru Imlek 2578 Kongzili', kind: 'LIBUR_NASIONAL' },
  { date: '2027-03-08', name: 'Hari Suci Nyepi (Tahun Baru Saka 1949)', kind: 'LIBUR_NASIONAL' },
  { date: '2027-03-09', name: 'Cuti Bersama Idul Fitri 1448 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2027-03-10', name: 'Idul Fitri 1448 Hijriah', kind: 'LIBUR_NASIONAL' },
  { date: '2027-03-11', name: 'Idul Fitri 1448 Hijriah', kind: 'LIBUR_NASIONAL' },
  { date: '2027-03-12', name: 'Cuti Bersama Idul Fitri 1448 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2027-03-15', name: 'Cuti Bersama Idul Fitri 1448 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2027-03-25', name: 'Cuti Bersama Wafat Yesus Kristus', kind: 'CUTI_BERSAMA' },
  { date: '2027-03-26', name: 'Wafat Yesus Kristus', kind: 'LIBUR_NASIONAL' },
  { date: '2027-03-28', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'LIBUR_NASIONAL' },
  { date: '2027-05-01', name: 'Hari Buruh Internasional', kind: 'LIBUR_NASIONAL' },
  { date: '2027-05-06', name: 'Kenaikan Yesus Kristus', kind: 'LIBUR_NASIONAL' },
  { date: '2027-05-17', name: 'Idul Adha 1448 Hijriah', kind: 'LIBUR_NASIONAL' },
  { date: '2027-05-18', name: 'Cuti Bersama Idul Adha 1448 Hijriah', kind: 'CUTI_BERSAMA' },
  { date: '2027-05-19', name: 'Cuti Bersama Hari Raya Waisak 2571 BE', kind: 'CUTI_BERSAMA' },
  { date: '2027-05-20', name: 'Hari Raya Waisak 2571 BE', kind: 'LIBUR_NASIONAL' },
  { date: '2027-06-01', name: 'Hari Lahir Pancasila', kind: 'LIBUR_NASIONAL' },
  { date: '2027-06-06', name: '1 Muharam Tahun Baru Islam 1449 Hijriah', kind: 'LIBUR_NASIONAL' },
  { date: '2027-08-15', name: 'Maulid Nabi Muhammad SAW', kind: 'LIBUR_NASIONAL' },
  { date: '2027-08-17', name: 'Proklamasi Kemerdekaan Republik Indonesia', kind: 'LIBUR_NASIONAL' },
  { date: '2027-12-24', name: 'Cuti Bersama Kelahiran Yesus Kristus', kind: 'CUTI_BERSAMA' },
  { date: '2027-12-25', name: 'Kelahiran Yesus Kristus', kind: 'LIBUR_NASIONAL' },
  { date: '2027-12-26', name: 'Isra Mikraj Nabi Muhammad SAW 1449 Hijriah', kind: 'LIBUR_NASIONAL' },
];

/**
 * One row of an office's holiday list as stored: the shared national list (`national`) and the
 * office's own rows. An office row of kind CANCELLED_KIND takes a national date off that office's
 * calendar — how an office follows a Keputusan Menteri Agama that moves Idulfitri or Iduladha
 * before (or without) a new shipped list: the national date is cancelled and the new date added.
 */
export interface HolidayRow {
  date: string;
  national: boolean;
  kind: string;
}

/** The kind of an office row that cancels the national holiday on its date. */
export const CANCELLED_KIND = 'DIBATALKAN';

/** The dates the office is closed: national ∪ its own days − the national days it cancelled. */
export function officeClosedDates(rows: readonly HolidayRow[]): string[] {
  const cancelled = new Set(rows.filter((r) => !r.national && r.kind === CANCELLED_KIND).map((r) => r.date));
  const closed = new Set<string>();
  for (const r of rows) {
    if (r.kind === CANCELLED_KIND) continue;
    if (r.national && cancelled.has(r.date)) continue;
    closed.add(r.date);
  }
  return [...closed].sort();
}

/**
 * From December on, the administrator is warned when next year's holidays are missing: no shipped
 * national list for it and no day of the office's own entered. `today` is the office's local date.
 * Returns the year to warn about, or null.
 */
export function missingHolidayYear(today: string, officeDatesOfNextYear: number, sources: readonly HolidaySource[] = HOLIDAY_SOURCES): number | null {
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (month < 12) return null;
  const next = year + 1;
  const shipped = sources.some((s) => s.year === next && s.shipped);
  return shipped || officeDatesOfNextYear > 0 ? null : next;
}
