import { DEFAULT_SCALE, scaleInForce, type CategoryScale } from '@sipedaki/sop';
import type { Db } from '../db/prisma';
import { dateOnly } from '../common/format';

/**
 * Category scales are versioned rows; the one in force on a date is the highest version of the
 * configured code whose validFrom is not after that date. The default code is the 5-band LKjIP
 * scale shipped in @sipedaki/sop.
 */
export class ScaleService {
  constructor(
    private readonly db: Db,
    readonly code = DEFAULT_SCALE.code,
  ) {}

  private cache: { at: number; scales: Promise<CategoryScale[]> } | undefined;

  /** Scales change only with a new version row; a short cache keeps them off every request. */
  async all(): Promise<CategoryScale[]> {
    if (this.cache && Date.now() - this.cache.at < 60_000) return this.cache.scales;
    const scales = this.load();
    this.cache = { at: Date.now(), scales };
    scales.catch(() => (this.cache = undefined));
    return scales;
  }

  private async load(): Promise<CategoryScale[]> {
    const rows = await this.db.categoryScale.findMany({ orderBy: [{ code: 'asc' }, { version: 'asc' }] });
    return rows.map((r) => ({
      code: r.code,
      version: r.version,
      name: r.name,
      validFrom: dateOnly(r.validFrom),
      bands: r.bands as unknown as CategoryScale['bands'],
      cap: r.cap === null ? null : Number(r.cap),
    }));
  }

  async inForce(on: Date = new Date()): Promise<CategoryScale> {
    return scaleInForce(await this.all(), this.code, dateOnly(on)) ?? DEFAULT_SCALE;
  }

  async byVersion(code: string, version: number): Promise<CategoryScale> {
    return (await this.all()).find((s) => s.code === code && s.version === version) ?? DEFAULT_SCALE;
  }
}
