/**
 * One indicator of a Bidang with its target for a request's period and the Bidang's value: the
 * one shape every capaian view starts from (the submission form, the board's SQL, the analysis,
 * the XLSX format, performanceData), and the one view of it the API shows.
 */
import type { CategoryScale } from '@sipedaki/sop';
import { toNumber } from '../common/format';
import type { Indicator, IndicatorTarget, SubmissionValue } from '../generated/prisma/client';
import { capaianOf } from './compute';

export type IndicatorValue = Pick<Indicator, 'id' | 'code' | 'name' | 'sasaran' | 'satuan' | 'polarity'> & {
  target: number | null;
  targetUpper: number | null;
  realisasi: number | null;
  note: string | null;
};

/**
 * The target that applies to a request's period: its triwulan's, or Triwulan IV's (the year's
 * end) for a yearly request. The board's SQL (submission.sql.ts) says the same with
 * `COALESCE(r.triwulan, 4)`; the contract there is checked by the flow tests.
 */
export function targetForPeriod<T extends Pick<IndicatorTarget, 'year' | 'triwulan'>>(targets: readonly T[], year: number, triwulan: number | null): T | undefined {
  return targets.find((t) => t.year === year && t.triwulan === (triwulan ?? 4));
}

/** From Prisma rows: the indicator with its targets, the request's period, and the value if there is one. */
export function indicatorValue(
  i: Pick<Indicator, 'id' | 'code' | 'name' | 'sasaran' | 'satuan' | 'polarity'> & { targets: readonly IndicatorTarget[] },
  period: { year: number; triwulan: number | null },
  v: Pick<SubmissionValue, 'realisasi' | 'note'> | null | undefined,
): IndicatorValue {
  const t = targetForPeriod(i.targets, period.year, period.triwulan);
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    sasaran: i.sasaran,
    satuan: i.satuan,
    polarity: i.polarity,
    target: toNumber(t?.target),
    targetUpper: toNumber(t?.targetUpper),
    realisasi: toNumber(v?.realisasi),
    note: v?.note ?? null,
  };
}

/** As the API shows it (GraphQL `SubmissionValue`): the value with its capaian and category on `scale`. */
export function indicatorValueView(v: IndicatorValue, scale: CategoryScale) {
  return {
    indicatorId: v.id,
    indicatorCode: v.code,
    indicatorName: v.name,
    sasaran: v.sasaran,
    satuan: v.satuan,
    polarity: v.polarity,
    target: v.target,
    targetUpper: v.targetUpper,
    realisasi: v.realisasi,
    note: v.note,
    ...capaianOf(scale, v.polarity, v.target, v.targetUpper, v.realisasi),
  };
}
export type IndicatorValueView = ReturnType<typeof indicatorValueView>;
