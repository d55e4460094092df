import { DEFAULT_SCALE, scaleInForce, validateScale, type CategoryScale } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { fail, fieldProblem } from '../common/errors';
import type { Db } from '../db/prisma';
import { dateOnly } from '../common/format';

type ScaleRow = CategoryScale & { pemdaId: string | null };

/**
 * Category scales are versioned rows; the one in force on a date for an office is the highest
 * version of the configured code whose validFrom is not after that date, among the national rows
 * (pemdaId null, shipped) and the rows its own pemda added (a cap chosen by the pemda
 * administrator, issue 15). Another pemda's rows never count. The default code is the 5-band
 * LKjIP scale shipped in @sipedaki/sop.
 */
export class ScaleService {
  constructor(
    private readonly db: Db,
    readonly code = DEFAULT_SCALE.code,
  ) {}

  private cache: { at: number; scales: Promise<ScaleRow[]> } | undefined;
  // An office never moves to another pemda (no operation does it), so its pemda is cached for good.
  private readonly pemdaOfOffice = new Map<string, Promise<string | null>>();

  /** Scales change only with a new version row; a short cache keeps them off every request. */
  async all(): Promise<ScaleRow[]> {
    if (this.cache && Date.now() - this.cache.at < 60_000) return this.cache.scales;
    const scales = this.load();
    this.cache = { at: Date.now(), scales };
    scales.catch(() => (this.cache = undefined));
    return scales;
  }

  private async load(): Promise<ScaleRow[]> {
    const rows = await this.db.categoryScale.findMany({ orderBy: [{ code: 'asc' }, { version: 'asc' }] });
    return rows.map((r) => ({
      pemdaId: r.pemdaId,
      code: r.code,
      version: r.version,
      name: r.name,
      validFrom: dateOnly(r.validFrom),
      bands: r.bands as unknown as CategoryScale['bands'],
      cap: r.cap === null ? null : Number(r.cap),
    }));
  }

  private pemdaOf(officeId: string): Promise<string | null> {
    let p = this.pemdaOfOffice.get(officeId);
    if (!p) {
      p = this.db.office.findUnique({ where: { id: officeId }, select: { pemdaId: true } }).then((o) => o?.pemdaId ?? null);
      p.catch(() => this.pemdaOfOffice.delete(officeId));
      this.pemdaOfOffice.set(officeId, p);
    }
    return p;
  }

  /** The scale in force on a date for an office (without an office: the national scale only). */
  async inForce(on: Date = new Date(), officeId?: string): Promise<CategoryScale> {
    const pemdaId = officeId ? await this.pemdaOf(officeId) : null;
    const mine = (await this.all()).filter((s) => s.pemdaId === null || s.pemdaId === pemdaId);
    const found = scaleInForce(mine, this.code, dateOnly(on));
    if (!found) return DEFAULT_SCALE;
    const { pemdaId: _owner, ...scale } = found as ScaleRow;
    return scale;
  }

  async byVersion(code: string, version: number): Promise<CategoryScale> {
    const found = (await this.all()).find((s) => s.code === code && s.version === version);
    if (!found) return DEFAULT_SCALE;
    const { pemdaId: _owner, ...scale } = found;
    return scale;
  }

  /** The scale in force today for the office, as the API shows it. */
  async view(officeId: string, on: Date = new Date()) {
    const s = await this.inForce(on, officeId);
    return { ...s, cap: s.cap ?? null, bands: s.bands.map((b) => ({ min: b.min, code: b.code, label: b.label.id, labelEn: b.label.en })) };
  }

  /**
   * A new version of the configured scale for the actor's pemda, with the bands of the one in force
   * there on `validFrom` and the given cap. Earlier analyses keep the version they were made with;
   * other pemdas keep theirs.
   */
  async addCapVersion(actor: Actor, cap: number | null, validFrom: string, now = new Date()) {
    // A version never reaches back: analyses already saved keep theirs, and one saved today must
    // not change its meaning by a row added afterwards.
    if (validFrom < dateOnly(now)) {
      fail('VALIDATION_FAILED', { id: 'Versi skala baru berlaku mulai hari ini atau sesudahnya.', en: 'A new scale version takes effect today or later.' }, {
        fields: [fieldProblem('validFrom', { id: 'Hari ini atau sesudahnya', en: 'Today or later' })],
      });
    }
    const pemdaId = await this.pemdaOf(actor.officeId);
    const base = await this.inForce(new Date(`${validFrom}T00:00:00Z`), actor.officeId);
    const created = await this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sipedaki.scale:${this.code}`}, 0))`;
      const latest = await tx.categoryScale.findFirst({ where: { code: this.code }, orderBy: { version: 'desc' } });
      const next: CategoryScale = { ...base, code: this.code, version: Math.max(latest?.version ?? 0, DEFAULT_SCALE.version) + 1, validFrom, cap };
      const problems = validateScale(next);
      if (problems.length) fail('VALIDATION_FAILED', { id: 'Skala tidak sah.', en: 'The scale is not valid.' }, { fields: problems.map((p) => fieldProblem('cap', { id: p, en: p })) });
      const row = await tx.categoryScale.create({
        data: { code: next.code, version: next.version, name: next.name, validFrom: new Date(`${validFrom}T00:00:00Z`), bands: JSON.parse(JSON.stringify(next.bands)), cap, pemdaId },
      });
      await audit(tx, actor, { action: 'scale.version-added', entityType: 'CategoryScale', entityId: row.id, before: { version: base.version, cap: base.cap ?? null }, after: { version: row.version, cap, validFrom, pemdaId } });
      return next;
    });
    this.cache = undefined;
    return { ...created, cap: created.cap ?? null, bands: created.bands.map((b) => ({ min: b.min, code: b.code, label: b.label.id, labelEn: b.label.en })) };
  }
}
