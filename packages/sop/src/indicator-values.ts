/**
 * What an indicator's numbers may be (issue 12 §2) and which target applies to a period (§3).
 *
 * Value kinds: a count of BUMDes cannot be −3 or 2.5, a percentage of desa cannot be 120, money
 * has at most two decimals. Each indicator has a value kind, set explicitly or derived from its
 * satuan; `checkIndicatorValue` is the one check the form, the Excel import and the API use.
 */
import type { Period } from './period';

export type ValueKind = 'COUNT' | 'PERCENTAGE' | 'MONEY' | 'INDEX';
export const VALUE_KINDS: readonly ValueKind[] = ['COUNT', 'PERCENTAGE', 'MONEY', 'INDEX'];

export const VALUE_KIND_LABELS: Record<ValueKind, { id: string; en: string }> = {
  COUNT: { id: 'Jumlah (bilangan bulat ≥ 0)', en: 'Count (whole number ≥ 0)' },
  PERCENTAGE: { id: 'Persentase (0–100)', en: 'Percentage (0–100)' },
  MONEY: { id: 'Uang (≥ 0, dua desimal)', en: 'Money (≥ 0, two decimals)' },
  INDEX: { id: 'Indeks/rasio/nilai (bebas)', en: 'Index/ratio/score (free)' },
};

/** CUMULATIVE: a Triwulan's target is the running total to its end (Triwulan IV = the year). */
export type TargetMode = 'CUMULATIVE' | 'PER_QUARTER';
export const TARGET_MODES: readonly TargetMode[] = ['CUMULATIVE', 'PER_QUARTER'];

export const TARGET_MODE_LABELS: Record<TargetMode, { id: string; en: string }> = {
  CUMULATIVE: { id: 'Kumulatif (Triwulan IV = target tahunan)', en: 'Cumulative (Triwulan IV = the year’s target)' },
  PER_QUARTER: { id: 'Per triwulan', en: 'Per quarter' },
};

const normalise = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();

// Words seen in the satuan column of Nganjuk-style IKU tables, grouped by what they count.
const PERCENT = /(^|\s)(%|persen|persentase|prosen)(\s|$)|%/;
const MONEY = /(^|\s)(rp|rupiah|idr|ribu rupiah|juta rupiah|miliar rupiah|milyar rupiah)(\s|$)|^rp/;
const INDEX = /(^|\s)(indeks|index|nilai|skor|score|rasio|ratio|poin|point|predikat|level|tingkat|angka)(\s|$)/;
const COUNT = new Set([
  'orang', 'jiwa', 'desa', 'kelurahan', 'kecamatan', 'bumdes', 'bumdesa', 'bumdesma', 'unit', 'buah', 'dokumen', 'laporan',
  'kegiatan', 'kali', 'temuan', 'rekomendasi', 'lembaga', 'kelompok', 'kk', 'keluarga', 'rumah', 'rumah tangga', 'paket',
  'produk', 'peserta', 'pegawai', 'asn', 'perdes', 'peraturan', 'perda', 'sertifikat', 'aplikasi', 'sistem', 'pasar',
  'koperasi', 'posyandu', 'titik', 'lokasi', 'berkas', 'surat', 'izin', 'aduan', 'pengaduan', 'kasus', 'inovasi', 'buku',
  'eksemplar', 'data', 'program', 'sub kegiatan', 'subkegiatan', 'forum', 'pelatihan', 'event', 'bidang', 'opd', 'instansi',
]);

/**
 * The value kind a satuan implies: "%" or "persen" → PERCENTAGE; "Rp", "rupiah" → MONEY;
 * "indeks", "nilai", "skor", "rasio", "predikat" → INDEX; a counted noun ("orang", "desa",
 * "BUMDes", "dokumen", "temuan", …) → COUNT. Anything else is INDEX (free): refusing a legitimate
 * value because a satuan was not recognised is worse than not checking it; the indicator's
 * explicit value kind then says more.
 */
export function valueKindOf(satuan: string | null | undefined): ValueKind {
  const key = satuan ?? '';
  const known = kindOfSatuan.get(key);
  if (known) return known;
  const kind = deriveValueKind(key);
  // An office has a few dozen distinct satuan; the bound only stops unbounded growth.
  if (kindOfSatuan.size >= 1000) kindOfSatuan.clear();
  kindOfSatuan.set(key, kind);
  return kind;
}

/**
 * Remembered per satuan string: the derivation (Unicode normalisation and several regular
 * expressions) ran for every value of every board load, the same few satuan each time.
 */
const kindOfSatuan = new Map<string, ValueKind>();

function deriveValueKind(satuan: string): ValueKind {
  const s = normalise(satuan);
  if (!s) return 'INDEX';
  if (PERCENT.test(s)) return 'PERCENTAGE';
  if (MONEY.test(s)) return 'MONEY';
  if (INDEX.test(s)) return 'INDEX';
  if (COUNT.has(s)) return 'COUNT';
  // "desa/kelurahan", "orang (laki-laki)": the first word decides.
  const first = s.split(' ')[0];
  if (COUNT.has(first)) return 'COUNT';
  return 'INDEX';
}

export interface IndicatorValueRules {
  code?: string | null;
  name: string;
  satuan: string;
  /** null/undefined = derived from the satuan. */
  valueKind?: ValueKind | null;
  /** PERCENTAGE only: values above 100 are possible (e.g. growth, over-subscription). */
  allowAbove100?: boolean | null;
}

export const effectiveValueKind = (i: Pick<IndicatorValueRules, 'valueKind' | 'satuan'>): ValueKind => i.valueKind ?? valueKindOf(i.satuan);

export type ValueProblem = 'NEGATIVE' | 'NOT_WHOLE' | 'ABOVE_100' | 'TOO_MANY_DECIMALS' | 'NOT_FINITE';

export interface ValueRefusal {
  problem: ValueProblem;
  kind: ValueKind;
  message: { id: string; en: string };
}

const idNum = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 }).format(n);
const enNum = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }).format(n);

/** Decimals of a number as typed (1.5 → 1, 2.25 → 2), immune to binary artefacts such as 0.1 + 0.2. */
function decimalsOf(x: number): number {
  for (let d = 0; d <= 6; d++) {
    const scaled = x * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return 7;
}

/**
 * null when `value` is possible for the indicator, else the refusal with a message naming the
 * indicator ("Realisasi indikator IKU-01 Jumlah BUMDes maju: −3 tidak mungkin, jumlah tidak
 * boleh negatif."). `what` names the figure ("Realisasi" or "Target"). null values (not reported)
 * are never refused here: completeness is checked elsewhere.
 */
export function checkIndicatorValue(
  indicator: IndicatorValueRules,
  value: number | null | undefined,
  what: { id: string; en: string } = { id: 'Realisasi', en: 'Realisasi' },
): ValueRefusal | null {
  if (value === null || value === undefined) return null;
  const kind = effectiveValueKind(indicator);
  const label = `${indicator.code ? `${indicator.code} ` : ''}${indicator.name}`.trim();
  const refuse = (problem: ValueProblem, id: string, en: string): ValueRefusal => ({
    problem,
    kind,
    message: {
      id: `${what.id} indikator "${label}" (${indicator.satuan}): ${idNum(value)} tidak mungkin — ${id}`,
      en: `${what.en} of indicator "${label}" (${indicator.satuan}): ${enNum(value)} is impossible — ${en}`,
    },
  });
  if (!Number.isFinite(value)) return refuse('NOT_FINITE', 'bukan angka.', 'not a number.');
  switch (kind) {
    case 'COUNT':
      if (value < 0) return refuse('NEGATIVE', 'jumlah tidak boleh negatif.', 'a count cannot be negative.');
      if (!Number.isInteger(value)) return refuse('NOT_WHOLE', 'jumlah harus bilangan bulat.', 'a count must be a whole number.');
      return null;
    case 'PERCENTAGE':
      if (value < 0) return refuse('NEGATIVE', 'persentase tidak boleh negatif.', 'a percentage cannot be negative.');
      if (value > 100 && !indicator.allowAbove100) return refuse('ABOVE_100', 'persentase paling tinggi 100.', 'a percentage is at most 100.');
      return null;
    case 'MONEY':
      if (value < 0) return refuse('NEGATIVE', 'nilai uang tidak boleh negatif.', 'an amount of money cannot be negative.');
      if (decimalsOf(value) > 2) return refuse('TOO_MANY_DECIMALS', 'nilai uang paling banyak dua desimal.', 'money has at most two decimals.');
      return null;
    case 'INDEX':
      return null;
  }
}

/** One target row: `triwulan` 1–4, or 0 for the year (the Perjanjian Kinerja's annual target). */
export interface TargetRow {
  year: number;
  triwulan: number;
}

export const YEAR_TARGET = 0;

/**
 * The target row that applies to a period — the one rule every capaian view uses (the API and its
 * SQL never restate it):
 * - a year (Tahun): the Perjanjian Kinerja's annual target (triwulan 0); for a CUMULATIVE
 *   indicator without one, Triwulan IV's (the running total to the year's end is the year);
 *   a PER_QUARTER indicator without one has none (a quarter's target is not the year's).
 * - a Triwulan: its own target; for a CUMULATIVE indicator, Triwulan IV without one takes the
 *   annual target (the same figure).
 */
export function targetForPeriod<T extends TargetRow>(targets: readonly T[], period: Period, mode: TargetMode): T | null {
  const find = (tw: number) => targets.find((t) => t.year === period.year && t.triwulan === tw) ?? null;
  if (period.triwulan === null) return find(YEAR_TARGET) ?? (mode === 'CUMULATIVE' ? find(4) : null);
  return find(period.triwulan) ?? (mode === 'CUMULATIVE' && period.triwulan === 4 ? find(YEAR_TARGET) : null);
}

/** A target frozen into a request when its format was sent (step 3). */
export interface FrozenTarget {
  target: number | null;
  targetUpper: number | null;
  targetFrozenAt: Date | string | null;
}

/**
 * The target of one requested indicator: once frozen (step 3), the frozen figures, whatever the
 * master targets say now; before, the master target in force for the period.
 */
export function requestTarget<T extends TargetRow & { target: number | null; targetUpper: number | null }>(
  frozen: FrozenTarget | null | undefined,
  targets: readonly T[],
  period: Period,
  mode: TargetMode,
): { target: number | null; targetUpper: number | null; frozen: boolean } {
  if (frozen?.targetFrozenAt) return { target: frozen.target, targetUpper: frozen.targetUpper, frozen: true };
  const t = targetForPeriod(targets, period, mode);
  return { target: t?.target ?? null, targetUpper: t?.targetUpper ?? null, frozen: false };
}

/**
 * A capaian far above target is flagged for the reviewer and the analysis: above this many
 * percent (the target met one and a half times) a figure is more often a typing slip ("1.250"
 * read as 1,25, a count of desa in thousands) than an achievement.
 */
export const FAR_ABOVE_TARGET_PERCENT = 150;

export const isFarAboveTarget = (capaian: number | null | undefined, threshold = FAR_ABOVE_TARGET_PERCENT): boolean =>
  typeof capaian === 'number' && Number.isFinite(capaian) && capaian > threshold;
