/**
 * Achievement categories. They differ per government and change over time, so every scale
 * carries a code and a version; a report stores the scale it was made with, and
 * scaleInForce() picks the version valid on a date.
 */

export interface CategoryBand {
  /** Inclusive lower bound, in capaian %. */
  min: number;
  code: string;
  label: { id: string; en: string };
}

export interface CategoryScale {
  code: string;
  version: number;
  name: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** Sorted descending by min. */
  bands: CategoryBand[];
  /**
   * Cap on each indicator's capaian before the averages (office, Bidang, Sasaran): null or absent =
   * no cap; commonly 100 or 120. Part of the version: a past report keeps the cap it was made with.
   */
  cap?: number | null;
}

/**
 * The five-band scale seen in kabupaten LKjIP: 91–100 Sangat Baik, 76–90 Baik, 66–75 Cukup,
 * 51–65 Kurang, ≤50 Sangat Kurang. Published bands are written in whole numbers; we read
 * "76–90" as [76, 91), so 90.5 is Baik, not a gap. The lowest band starts at 0 (not −Infinity,
 * which JSON cannot carry) because capaian is clamped at 0.
 */
export const DEFAULT_SCALE: CategoryScale = {
  code: 'LKJIP_5',
  version: 1,
  name: 'Skala lima kategori LKjIP (Sangat Baik – Sangat Kurang)',
  validFrom: '2000-01-01',
  bands: [
    { min: 91, code: 'SANGAT_BAIK', label: { id: 'Sangat Baik', en: 'Very good' } },
    { min: 76, code: 'BAIK', label: { id: 'Baik', en: 'Good' } },
    { min: 66, code: 'CUKUP', label: { id: 'Cukup', en: 'Fair' } },
    { min: 51, code: 'KURANG', label: { id: 'Kurang', en: 'Poor' } },
    { min: 0, code: 'SANGAT_KURANG', label: { id: 'Sangat Kurang', en: 'Very poor' } },
  ],
};

/**
 * AN EXAMPLE, not a regulation: the five LKjIP bands with a sixth band on top for capaian at or
 * above 100 %, as some governments do to single out indicators that met or exceeded target.
 * Shipped to show (and test) that scales are data; an office enters its own scale.
 */
export const SIX_BAND_SCALE: CategoryScale = {
  code: 'EXAMPLE_6',
  version: 1,
  name: 'Contoh skala enam kategori (bukan ketentuan resmi)',
  validFrom: '2000-01-01',
  bands: [{ min: 100, code: 'MELAMPAUI_TARGET', label: { id: 'Tercapai/Melampaui Target', en: 'Met or exceeded target' } }, ...DEFAULT_SCALE.bands],
};

/**
 * One colour per category code, for the recap's charts in the PDF and in the web app alike (the
 * same hues as the web app's .cat-* badges, saturated enough for bars on white). A code of an
 * office's own scale without a colour here, and a missing capaian, are drawn grey.
 */
export const CATEGORY_COLORS: Readonly<Record<string, string>> = {
  MELAMPAUI_TARGET: '#0f5132',
  SANGAT_BAIK: '#1e8e3e',
  BAIK: '#7cb342',
  CUKUP: '#e0a800',
  KURANG: '#ef7d17',
  SANGAT_KURANG: '#c62828',
};
export const MISSING_CATEGORY_COLOR = '#9aa5b1';

export const categoryColor = (code: string | null | undefined): string =>
  (code ? CATEGORY_COLORS[code] : undefined) ?? MISSING_CATEGORY_COLOR;

/**
 * The band a capaian falls in: the first band (highest min first) whose min ≤ capaian.
 * null for a missing capaian, or one below the lowest band (which a clamped capaian never is).
 */
export function categorize(scale: CategoryScale, capaian: number | null): CategoryBand | null {
  if (capaian === null || !Number.isFinite(capaian)) return null;
  return scale.bands.find((b) => capaian >= b.min) ?? null;
}

/** Problems that would make categorize() ambiguous or wrong; empty when the scale is usable. */
export function validateScale(scale: CategoryScale): string[] {
  const errors: string[] = [];
  if (!scale.code.trim()) errors.push('EMPTY_CODE: the scale needs a code');
  if (!Number.isInteger(scale.version) || scale.version < 1) errors.push('VERSION: version must be a whole number ≥ 1');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(scale.validFrom)) errors.push('VALID_FROM: validFrom must be YYYY-MM-DD');
  if (scale.bands.length === 0) {
    errors.push('EMPTY: the scale has no bands');
    return errors;
  }
  const seen = new Set<number>();
  scale.bands.forEach((band, i) => {
    if (!Number.isFinite(band.min)) errors.push(`MIN: band ${band.code} has no finite min`);
    if (seen.has(band.min)) errors.push(`DUPLICATE_MIN: more than one band starts at ${band.min}`);
    seen.add(band.min);
    const prev = scale.bands[i - 1];
    if (prev && band.min > prev.min) {
      errors.push(`UNSORTED: band ${band.code} (min ${band.min}) comes after ${prev.code} (min ${prev.min})`);
    }
  });
  if (scale.cap !== null && scale.cap !== undefined && (!Number.isFinite(scale.cap) || scale.cap < 100 || scale.cap > 1000)) {
    errors.push('CAP: the cap must be none or a number from 100 to 1000');
  }
  const codes = scale.bands.map((b) => b.code);
  if (new Set(codes).size !== codes.length) errors.push('DUPLICATE_CODE: band codes must be unique');
  return errors;
}

/** The highest version of scale `code` already valid on `onDate` (YYYY-MM-DD), or null. */
export function scaleInForce(scales: CategoryScale[], code: string, onDate: string): CategoryScale | null {
  let best: CategoryScale | null = null;
  for (const s of scales) {
    // ISO dates compare correctly as strings.
    if (s.code !== code || s.validFrom > onDate) continue;
    if (!best || s.version > best.version) best = s;
  }
  return best;
}

/** The capaian as it counts in an average on this scale: at most the scale's cap (none = as is). */
export function cappedCapaian(scale: Pick<CategoryScale, 'cap'>, capaian: number | null): number | null {
  if (capaian === null || !Number.isFinite(capaian)) return null;
  return scale.cap !== null && scale.cap !== undefined && capaian > scale.cap ? scale.cap : capaian;
}

/** How the cap is written on the recap: "tanpa batas" / "dibatasi 120%". */
export function capLabel(scale: Pick<CategoryScale, 'cap'>, lang: 'id' | 'en' = 'id'): string {
  const none = scale.cap === null || scale.cap === undefined;
  if (lang === 'en') return none ? 'no cap' : `capped at ${scale.cap}%`;
  return none ? 'tanpa batas atas' : `dibatasi ${String(scale.cap).replace('.', ',')}%`;
}
