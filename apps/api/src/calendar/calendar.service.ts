import { makeCalendar, type OfficeHours, type WorkCalendar } from '@sipedaki/sop';
import type { Db } from '../db/prisma';

const TTL_MS = 60_000;

/**
 * Builds an office's working-time calendar (office hours, offset, national + office holidays)
 * from the database for the pure functions of @sipedaki/sop. Cached briefly: it is read on
 * every timeline and inbox, and changes only when an administrator edits the calendar.
 */
export class CalendarService {
  private cache = new Map<string, { at: number; cal: WorkCalendar }>();

  constructor(private readonly db: Db) {}

  async forOffice(officeId: string): Promise<WorkCalendar> {
    const hit = this.cache.get(officeId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.cal;
    const [office, holidays] = await Promise.all([
      this.db.office.findUniqueOrThrow({ where: { id: officeId } }),
      this.db.holiday.findMany({ where: { OR: [{ officeId: null }, { officeId }] }, select: { date: true } }),
    ]);
    const cal = makeCalendar({
      utcOffsetMinutes: office.utcOffsetMinutes,
      hours: office.officeHours as Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, OfficeHours>>,
      holidays: holidays.map((h) => h.date.toISOString().slice(0, 10)),
    });
    this.cache.set(officeId, { at: Date.now(), cal });
    return cal;
  }

  invalidate(officeId?: string): void {
    if (officeId) this.cache.delete(officeId);
    else this.cache.clear();
  }
}
