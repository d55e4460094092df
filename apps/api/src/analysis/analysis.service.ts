import { averageCapaian, categorize, type CategoryScale } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { assertSameOffice, seesWholeOffice } from '../common/access';
import { fail } from '../common/errors';
import type { Db, Tx } from '../db/prisma';
import { valueView } from '../submission/submission.service';
import type { ScaleService } from './scale.service';

type IndicatorRow = ReturnType<typeof valueView> & { bidangId: string; bidangName: string };

export interface AnalysisResults {
  office: Summary;
  perBidang: Summary[];
  perSasaran: Summary[];
  indicators: IndicatorRow[];
}

export interface Summary {
  key: string;
  label: string;
  average: number | null;
  category: { code: string; label: string; labelEn: string } | null;
  indicatorCount: number;
  missingCount: number;
}

function summarize(key: string, label: string, rows: IndicatorRow[], scale: CategoryScale): Summary {
  const average = averageCapaian(rows.map((r) => r.capaian));
  const band = categorize(scale, average);
  return {
    key,
    label,
    average,
    category: band ? { code: band.code, label: band.label.id, labelEn: band.label.en } : null,
    indicatorCount: rows.length,
    missingCount: rows.filter((r) => r.capaian === null).length,
  };
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/** Step 6: capaian per indicator, Bidang, Sasaran and for the office, from accepted submissions. */
export class AnalysisService {
  constructor(
    private readonly db: Db,
    private readonly scales: ScaleService,
  ) {}

  async compute(db: Db | Tx, requestId: string, scale: CategoryScale): Promise<AnalysisResults> {
    const req = await db.dataRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: {
        indicators: { include: { indicator: { include: { targets: true, bidang: true } } } },
        submissions: { where: { status: 'ACCEPTED' }, include: { values: true } },
      },
    });
    const tw = req.triwulan ?? 4;
    const indicators: IndicatorRow[] = req.indicators
      .map((ri) => ri.indicator)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((i) => {
        const sub = req.submissions.find((s) => s.bidangId === i.bidangId);
        const value = sub?.values.find((v) => v.indicatorId === i.id);
        const target = i.targets.find((t) => t.year === req.year && t.triwulan === tw);
        return { ...valueView(i, target, value, scale), bidangId: i.bidangId, bidangName: i.bidang.name };
      });
    const perBidang = [...groupBy(indicators, (r) => r.bidangId)].map(([id, rows]) => summarize(id, rows[0]!.bidangName, rows, scale));
    const perSasaran = [...groupBy(indicators, (r) => r.sasaran)].map(([s, rows]) => summarize(s, s, rows, scale));
    return { office: summarize('office', 'Dinas', indicators, scale), perBidang, perSasaran, indicators };
  }

  /** Save the Kasubbag's analysis: updates the open draft, or starts a new version after a submitted one. */
  async save(actor: Actor, requestId: string, narrative: string | null | undefined, now = new Date()) {
    const scale = await this.scales.inForce(now);
    return this.db.$transaction(async (tx) => {
      const req = await tx.dataRequest.findUnique({ where: { id: requestId } }).catch(() => null);
      if (!req) fail('NOT_FOUND');
      assertSameOffice(actor, req!.officeId);
      if (req!.status !== 'ANALYSING') fail('WRONG_STEP', 'Analisis hanya dapat disusun pada langkah 6 (analisis dan evaluasi).');
      const results = await this.compute(tx, requestId, scale);
      const latest = await tx.performanceAnalysis.findFirst({ where: { requestId }, orderBy: { version: 'desc' } });
      const data = {
        scaleCode: scale.code,
        scaleVersion: scale.version,
        officeCapaian: results.office.average,
        results: JSON.parse(JSON.stringify(results)),
        narrative: narrative?.trim() || null,
      };
      const saved =
        latest && latest.status === 'DRAFT'
          ? await tx.performanceAnalysis.update({ where: { id: latest.id }, data })
          : await tx.performanceAnalysis.create({ data: { ...data, requestId, version: (latest?.version ?? 0) + 1, createdById: actor.userId } });
      await audit(tx, actor, {
        action: latest?.status === 'DRAFT' ? 'analysis.updated' : 'analysis.created',
        entityType: 'PerformanceAnalysis',
        entityId: saved.id,
        before: latest ? { version: latest.version, officeCapaian: latest.officeCapaian, narrative: latest.narrative } : null,
        after: { version: saved.version, officeCapaian: saved.officeCapaian, narrative: saved.narrative },
      });
      return toAnalysisModel(saved);
    });
  }

  /** The recap holds every Bidang's figures: only the office-wide roles read it. */
  async forRequest(actor: Actor, requestId: string) {
    if (!seesWholeOffice(actor)) return [];
    const rows = await this.db.performanceAnalysis.findMany({ where: { requestId }, orderBy: { version: 'desc' } });
    return rows.map(toAnalysisModel);
  }

  async get(actor: Actor, id: string) {
    const a = await this.db.performanceAnalysis.findUnique({ where: { id }, include: { request: true } }).catch(() => null);
    if (!a) fail('NOT_FOUND');
    assertSameOffice(actor, a!.request.officeId);
    if (!seesWholeOffice(actor)) fail('FORBIDDEN');
    return toAnalysisModel(a!);
  }
}

export function toAnalysisModel(a: {
  id: string; requestId: string; version: number; status: string; scaleCode: string; scaleVersion: number;
  results: unknown; narrative: string | null; createdAt: Date; submittedAt: Date | null;
}) {
  const r = a.results as AnalysisResults;
  return { ...a, office: r.office, perBidang: r.perBidang, perSasaran: r.perSasaran, indicators: r.indicators };
}
