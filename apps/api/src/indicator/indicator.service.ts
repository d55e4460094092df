/**
 * The office's indicators, their Sasaran within Renstra periods, and their targets (annual
 * Perjanjian Kinerja targets, triwulan 0, and Triwulan targets 1–4). Managed by the Kasubbag, the
 * Penyusun and the administrator (packages/sop INDICATOR_MANAGERS).
 *
 * Targets edited here never change a request whose format was already sent: those use the
 * targets frozen into the request at step 3 (freezeTargets).
 */
import { checkIndicatorValue, effectiveValueKind, periodOf, YEAR_TARGET } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { assertSameOffice } from '../common/access';
import { fail, fieldProblem, UNKNOWN_BIDANG, type Bilingual, type FieldProblem } from '../common/errors';
import { findOr404 } from '../common/found';
import { toNumber } from '../common/format';
import type { Db, Tx } from '../db/prisma';
import type { Indicator, IndicatorTarget, Sasaran } from '../generated/prisma/client';
import type { UpsertIndicatorInput } from '../admin/admin.input';
import { sasaranName, targetOf } from '../analysis/indicator-value';
import type { UpsertRenstraPeriodInput, UpsertSasaranInput } from './indicator.input';
import { XLSX_MIME } from '../document/storage';
import { buildPkWorkbook, parsePkWorkbook } from './pk-xlsx';

const BIDANG_NOT_HERE: Bilingual = { id: 'Bidang tidak ditemukan di Dinas ini.', en: 'The Bidang is not found in this office.' };
export const RENSTRA_YEARS = 5;

/** An indicator's target as the API shows it (numbers, not Prisma Decimals). */
const targetView = (t: IndicatorTarget) => ({ year: t.year, triwulan: t.triwulan, target: toNumber(t.target), targetUpper: toNumber(t.targetUpper) });

type IndicatorRow = Indicator & { targets: IndicatorTarget[]; sasaran: Sasaran | null };

export function indicatorView(i: IndicatorRow) {
  return {
    ...i,
    sasaran: sasaranName(i.sasaran, i.adHocRequestId),
    renstraPeriodId: i.sasaran?.renstraPeriodId ?? null,
    effectiveValueKind: effectiveValueKind(i),
    renstraTarget: toNumber(i.renstraTarget),
    targets: i.targets.map(targetView),
  };
}

/** The target checks of one indicator: duplicates, ranges, impossible values (checkIndicatorValue). */
export function targetProblems(
  indicator: { code: string; name: string; satuan: string; polarity: string; valueKind?: Indicator['valueKind']; allowAbove100?: boolean | null },
  targets: readonly { year: number; triwulan: number; target: number; targetUpper?: number | null }[],
  fieldOf: (key: string, t: { year: number; triwulan: number }) => string = (key) => `targets.${key}`,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const key = `${t.year}-${t.triwulan}`;
    if (seen.has(key)) problems.push(fieldProblem(fieldOf(key, t), { id: `Target ${key} ganda`, en: `Target ${key} is given twice` }));
    seen.add(key);
    if (indicator.polarity === 'RANGE' && (t.targetUpper == null || t.targetUpper < t.target)) {
      problems.push(fieldProblem(`${fieldOf(key, t)}.targetUpper`, { id: 'Batas atas wajib dan ≥ target', en: 'An upper bound is required and ≥ target' }));
    }
    for (const [value, what] of [
      [t.target, { id: 'Target', en: 'Target' }],
      [t.targetUpper, { id: 'Batas atas target', en: 'Target upper bound' }],
    ] as const) {
      const refusal = checkIndicatorValue(indicator, value, what);
      if (refusal) problems.push(fieldProblem(fieldOf(key, t), refusal.message));
    }
  }
  return problems;
}

export class IndicatorService {
  constructor(private readonly db: Db) {}

  /** The office's master list: never the indicators one request added for itself (ad-hoc). */
  async listIndicators(actor: Actor, year?: number | null, includeInactive = false) {
    const rows = await this.db.indicator.findMany({
      where: { officeId: actor.officeId, adHocRequestId: null, ...(includeInactive ? {} : { active: true }) },
      include: { sasaran: true, targets: { where: year ? { year } : {}, orderBy: [{ year: 'asc' }, { triwulan: 'asc' }] } },
      orderBy: { code: 'asc' },
    });
    return rows.map(indicatorView);
  }

  /** The ad-hoc indicators of one request (issue 11), with their targets. */
  async adHocIndicators(actor: Actor, requestId: string) {
    const rows = await this.db.indicator.findMany({
      where: { officeId: actor.officeId, adHocRequestId: requestId },
      include: { sasaran: true, targets: { orderBy: [{ year: 'asc' }, { triwulan: 'asc' }] } },
      orderBy: { code: 'asc' },
    });
    return rows.map(indicatorView);
  }

  /** The Sasaran named `name` in the office's latest Renstra period, created there when missing. */
  private async sasaranByName(tx: Tx, actor: Actor, name: string): Promise<Sasaran> {
    const existing = await tx.sasaran.findFirst({ where: { officeId: actor.officeId, name }, orderBy: { period: { startYear: 'desc' } } });
    if (existing) return existing;
    const period = await tx.renstraPeriod.findFirst({ where: { officeId: actor.officeId }, orderBy: { startYear: 'desc' } });
    if (!period) {
      fail('VALIDATION_FAILED', { id: 'Buat periode Renstra terlebih dahulu, lalu Sasaran-nya.', en: 'Create a Renstra period first, then its Sasaran.' }, {
        fields: [fieldProblem('sasaranId', { id: 'Belum ada periode Renstra', en: 'No Renstra period yet' })],
      });
    }
    const count = await tx.sasaran.count({ where: { renstraPeriodId: period.id } });
    const s = await tx.sasaran.create({ data: { officeId: actor.officeId, renstraPeriodId: period.id, code: `S${count + 1}`, name } });
    await audit(tx, actor, { action: 'sasaran.created', entityType: 'Sasaran', entityId: s.id, after: s });
    return s;
  }

  /** Creates or edits an indicator; each target sent replaces that year-Triwulan's (0 = the year's) target. */
  async upsertIndicator(actor: Actor, input: UpsertIndicatorInput) {
    if (!input.sasaranId && !input.sasaran?.trim()) {
      fail('VALIDATION_FAILED', { id: 'Pilih Sasaran indikator ini.', en: 'Choose the indicator’s Sasaran.' }, {
        fields: [fieldProblem('sasaranId', { id: 'Sasaran wajib diisi', en: 'The Sasaran is required' })],
      });
    }
    const id = await this.db.$transaction(async (tx) => {
      const before = input.id ? await findOr404(tx.indicator.findUnique({ where: { id: input.id }, include: { targets: true } })) : null;
      if (before) assertSameOffice(actor, before.officeId);
      // One request's ad-hoc indicator is not part of the master list: it changes with its request.
      if (before?.adHocRequestId) fail('NOT_FOUND', { id: 'Indikator ini adalah indikator khusus sebuah permintaan, bukan indikator IKU.', en: 'This is one request’s ad-hoc indicator, not a master indicator.' });
      const rules = {
        code: input.code,
        name: input.name.trim(),
        satuan: input.satuan.trim(),
        polarity: input.polarity,
        valueKind: input.valueKind !== undefined ? input.valueKind : (before?.valueKind ?? null),
        allowAbove100: input.allowAbove100 ?? before?.allowAbove100 ?? false,
      };
      const problems = targetProblems(rules, input.targets);
      const renstra = checkIndicatorValue(rules, input.renstraTarget, { id: 'Target Renstra', en: 'Renstra target' });
      if (renstra) problems.push(fieldProblem('renstraTarget', renstra.message));
      if (problems.length) fail('VALIDATION_FAILED', { id: 'Target indikator tidak dapat disimpan.', en: 'The indicator’s targets cannot be saved.' }, { fields: problems });

      const bidang = await tx.bidang.findUnique({ where: { id: input.bidangId } });
      if (!bidang || bidang.officeId !== actor.officeId) fail('VALIDATION_FAILED', BIDANG_NOT_HERE, { fields: [fieldProblem('bidangId', UNKNOWN_BIDANG)] });
      const clash = await tx.indicator.findUnique({ where: { officeId_code: { officeId: actor.officeId, code: input.code } } });
      if (clash && clash.id !== input.id) fail('DUPLICATE', { id: `Kode indikator ${input.code} sudah dipakai.`, en: `Indicator code ${input.code} is already taken.` });
      let sasaranId: string;
      if (input.sasaranId) {
        const s = await tx.sasaran.findUnique({ where: { id: input.sasaranId } });
        if (!s || s.officeId !== actor.officeId) {
          fail('VALIDATION_FAILED', { id: 'Sasaran tidak ditemukan di Dinas ini.', en: 'The Sasaran is not found in this office.' }, {
            fields: [fieldProblem('sasaranId', { id: 'Sasaran tidak dikenal', en: 'Unknown Sasaran' })],
          });
        }
        sasaranId = s.id;
      } else {
        sasaranId = (await this.sasaranByName(tx, actor, (input.sasaran ?? '').trim())).id;
      }
      const data = {
        ...rules,
        bidangId: input.bidangId,
        sasaranId,
        ...(input.targetMode ? { targetMode: input.targetMode } : {}),
        ...(input.renstraTarget !== undefined ? { renstraTarget: input.renstraTarget } : {}),
        ...(input.active != null ? { active: input.active } : {}),
      };
      const row = before ? await tx.indicator.update({ where: { id: before.id }, data }) : await tx.indicator.create({ data: { ...data, officeId: actor.officeId } });
      await this.writeTargets(tx, row.id, input.targets);
      await audit(tx, actor, { action: input.id ? 'indicator.updated' : 'indicator.created', entityType: 'Indicator', entityId: row.id, before, after: { ...row, targets: input.targets } });
      return row.id;
    });
    return this.one(id);
  }

  private async writeTargets(tx: Tx, indicatorId: string, targets: readonly { year: number; triwulan: number; target: number; targetUpper?: number | null }[]) {
    for (const t of targets) {
      await tx.indicatorTarget.upsert({
        where: { indicatorId_year_triwulan: { indicatorId, year: t.year, triwulan: t.triwulan } },
        create: { indicatorId, year: t.year, triwulan: t.triwulan, target: t.target, targetUpper: t.targetUpper ?? null },
        update: { target: t.target, targetUpper: t.targetUpper ?? null },
      });
    }
  }

  private async one(id: string) {
    const row = await this.db.indicator.findUniqueOrThrow({ where: { id }, include: { sasaran: true, targets: { orderBy: [{ year: 'asc' }, { triwulan: 'asc' }] } } });
    return indicatorView(row);
  }

  /**
   * The annual (Perjanjian Kinerja) targets of a year, set at once: every row is checked first and
   * any problem refuses them all (the PK import). `rows` name the indicator by id.
   */
  async setYearTargets(actor: Actor, year: number, rows: readonly { indicatorId: string; target: number; targetUpper: number | null; field: string }[], meta: Record<string, unknown> = {}) {
    return this.db.$transaction(async (tx) => {
      const indicators = await tx.indicator.findMany({ where: { officeId: actor.officeId, id: { in: rows.map((r) => r.indicatorId) } }, include: { targets: { where: { year, triwulan: YEAR_TARGET } } } });
      const byId = new Map(indicators.map((i) => [i.id, i] as const));
      const problems: FieldProblem[] = [];
      for (const r of rows) {
        const i = byId.get(r.indicatorId);
        if (!i) {
          problems.push(fieldProblem(r.field, { id: 'Indikator tidak dikenal di Dinas ini', en: 'Unknown indicator in this office' }));
          continue;
        }
        problems.push(...targetProblems(i, [{ year, triwulan: YEAR_TARGET, target: r.target, targetUpper: r.targetUpper }], () => r.field));
      }
      if (problems.length) fail('VALIDATION_FAILED', { id: 'Target tidak dapat disimpan. Tidak ada target yang diubah.', en: 'The targets cannot be saved. No target was changed.' }, { fields: problems });
      for (const r of rows) await this.writeTargets(tx, r.indicatorId, [{ year, triwulan: YEAR_TARGET, target: r.target, targetUpper: r.targetUpper }]);
      await audit(tx, actor, {
        action: 'targets.year-set',
        entityType: 'Office',
        entityId: actor.officeId,
        before: { year, targets: indicators.map((i) => ({ indicatorId: i.id, target: i.targets[0] ? toNumber(i.targets[0].target) : null, targetUpper: i.targets[0] ? toNumber(i.targets[0].targetUpper) : null })) },
        after: { year, targets: rows.map(({ field: _f, ...r }) => r), ...meta },
      });
      return rows.length;
    });
  }

  /** The PK annex of a year: every active indicator of the office with its annual target (or none). */
  async pkXlsx(actor: Actor, year: number) {
    const [office, indicators] = await Promise.all([
      this.db.office.findUniqueOrThrow({ where: { id: actor.officeId } }),
      this.db.indicator.findMany({
        where: { officeId: actor.officeId, active: true, adHocRequestId: null },
        include: { sasaran: true, targets: { where: { year, triwulan: YEAR_TARGET } } },
        orderBy: [{ sasaran: { code: 'asc' } }, { code: 'asc' }],
      }),
    ]);
    const bytes = await buildPkWorkbook(
      [`LAMPIRAN PERJANJIAN KINERJA TAHUN ${year}`, office.name, 'Isi kolom Target; baris dibaca menurut nama Indikator (dan Sasaran-nya).'],
      indicators.map((i) => ({
        sasaran: sasaranName(i.sasaran), indikator: i.name, satuan: i.satuan, polarity: i.polarity,
        target: toNumber(i.targets[0]?.target), targetUpper: toNumber(i.targets[0]?.targetUpper),
      })),
    );
    return { bytes, filename: `perjanjian-kinerja-${year}.xlsx`, mimeType: XLSX_MIME };
  }

  /** A filled PK annex sets the year's annual targets: any problem in any row refuses the whole file. */
  async importPk(actor: Actor, year: number, bytes: Buffer) {
    const indicators = await this.db.indicator.findMany({ where: { officeId: actor.officeId, active: true, adHocRequestId: null }, include: { sasaran: true } });
    const parsed = await parsePkWorkbook(bytes, indicators.map((i) => ({ id: i.id, name: i.name, sasaran: sasaranName(i.sasaran), polarity: i.polarity })));
    // Impossible targets are named with the other rows' problems, in one answer.
    const byId = new Map(indicators.map((i) => [i.id, i] as const));
    const impossible = parsed.rows.flatMap((r) => {
      const i = byId.get(r.indicatorId);
      return i ? targetProblems(i, [{ year, triwulan: YEAR_TARGET, target: r.target, targetUpper: r.targetUpper }], () => r.field) : [];
    });
    const problems = [...parsed.problems, ...impossible.map((f) => ({ row: Number(f.field.slice(1, f.field.indexOf('.'))), column: 'Target', message: f.message, messageEn: f.messageEn }))]
      .sort((a, b) => a.row - b.row);
    if (problems.length) {
      parsed.problems = problems;
      const n = problems.length;
      fail('VALIDATION_FAILED', {
        id: `Berkas tidak dapat diimpor: ${n} isian bermasalah. Tidak ada target yang diubah.`,
        en: `The file cannot be imported: ${n} ${n === 1 ? 'entry has a problem' : 'entries have problems'}. No target was changed.`,
      }, { fields: parsed.problems.map((p) => ({ field: `R${p.row}.${p.column}`, message: p.message, messageEn: p.messageEn })), cells: parsed.problems });
    }
    const imported = await this.setYearTargets(actor, year, parsed.rows, { import: 'pk.xlsx' });
    return { year, imported };
  }

  async renstraPeriods(actor: Actor) {
    return this.db.renstraPeriod.findMany({
      where: { officeId: actor.officeId },
      include: { sasaran: { orderBy: { code: 'asc' } } },
      orderBy: { startYear: 'desc' },
    });
  }

  /** A Renstra period covers five years: endYear = startYear + 4. */
  async upsertRenstraPeriod(actor: Actor, input: UpsertRenstraPeriodInput) {
    const endYear = input.startYear + RENSTRA_YEARS - 1;
    return this.db.$transaction(async (tx) => {
      const before = input.id ? await findOr404(tx.renstraPeriod.findUnique({ where: { id: input.id } })) : null;
      if (before) assertSameOffice(actor, before.officeId);
      const overlap = await tx.renstraPeriod.findFirst({
        where: { officeId: actor.officeId, id: before ? { not: before.id } : undefined, startYear: { lte: endYear }, endYear: { gte: input.startYear } },
      });
      if (overlap) {
        fail('VALIDATION_FAILED', { id: `Periode ${input.startYear}–${endYear} bertumpang tindih dengan ${overlap.name}.`, en: `The period ${input.startYear}–${endYear} overlaps ${overlap.name}.` }, {
          fields: [fieldProblem('startYear', { id: 'Bertumpang tindih dengan periode lain', en: 'Overlaps another period' })],
        });
      }
      const data = { name: input.name.trim(), startYear: input.startYear, endYear };
      const row = before ? await tx.renstraPeriod.update({ where: { id: before.id }, data }) : await tx.renstraPeriod.create({ data: { ...data, officeId: actor.officeId } });
      await audit(tx, actor, { action: before ? 'renstra.updated' : 'renstra.created', entityType: 'RenstraPeriod', entityId: row.id, before, after: row });
      return tx.renstraPeriod.findUniqueOrThrow({ where: { id: row.id }, include: { sasaran: { orderBy: { code: 'asc' } } } });
    });
  }

  async upsertSasaran(actor: Actor, input: UpsertSasaranInput) {
    return this.db.$transaction(async (tx) => {
      const period = await tx.renstraPeriod.findUnique({ where: { id: input.renstraPeriodId } });
      if (!period || period.officeId !== actor.officeId) {
        fail('VALIDATION_FAILED', { id: 'Periode Renstra tidak ditemukan di Dinas ini.', en: 'The Renstra period is not found in this office.' }, {
          fields: [fieldProblem('renstraPeriodId', { id: 'Periode Renstra tidak dikenal', en: 'Unknown Renstra period' })],
        });
      }
      const before = input.id ? await findOr404(tx.sasaran.findUnique({ where: { id: input.id } })) : null;
      if (before) assertSameOffice(actor, before.officeId);
      const clash = await tx.sasaran.findUnique({ where: { renstraPeriodId_code: { renstraPeriodId: period.id, code: input.code } } });
      if (clash && clash.id !== before?.id) fail('DUPLICATE', { id: `Kode Sasaran ${input.code} sudah dipakai pada periode ini.`, en: `Sasaran code ${input.code} is already taken in this period.` });
      const data = { renstraPeriodId: period.id, code: input.code, name: input.name.trim() };
      const row = before ? await tx.sasaran.update({ where: { id: before.id }, data }) : await tx.sasaran.create({ data: { ...data, officeId: actor.officeId } });
      await audit(tx, actor, { action: before ? 'sasaran.updated' : 'sasaran.created', entityType: 'Sasaran', entityId: row.id, before, after: row });
      return row;
    });
  }
}

/**
 * Step 3 (SEND_FORMAT): the target in force for the request's period is copied into every
 * requested indicator, inside the transition's transaction. From then every capaian of the request
 * uses it (analysis/indicator-value.ts targetOf); a later edit of the master targets changes
 * nothing of this request. An indicator without a target for the period is frozen as "no target".
 */
export async function freezeTargets(tx: Tx, r: { id: string; year: number; triwulan: number | null }, now: Date): Promise<number> {
  const rows = await tx.dataRequestIndicator.findMany({
    where: { requestId: r.id, targetFrozenAt: null },
    include: { indicator: { select: { targetMode: true, targets: { where: { year: r.year } } } } },
  });
  const period = periodOf(r.year, r.triwulan);
  for (const row of rows) {
    const t = targetOf(row.indicator, period, null);
    await tx.dataRequestIndicator.update({
      where: { requestId_indicatorId: { requestId: r.id, indicatorId: row.indicatorId } },
      data: { target: t.target, targetUpper: t.targetUpper, targetFrozenAt: now },
    });
  }
  return rows.length;
}
