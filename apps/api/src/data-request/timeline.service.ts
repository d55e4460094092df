import { SOP_STEPS, standardMinutes, stepTiming, SUPERIOR, type RequestAction } from '@sipedaki/sop';
import type { CalendarService } from '../calendar/calendar.service';
import { standardTimeLabel } from '../common/format';
import { sqlOf, type Db } from '../db/prisma';
import type { Sql } from '../db/sql';
import type { RequestModel } from './data-request.service';
import { StepState } from './data-request.model';
import { STEPS_OF_REQUEST } from './data-request.sql';

/**
 * A request's timeline: the seven SOP steps, each timed against its standard in working time.
 * A step reached again after a return shows its latest round; the earlier rounds are listed with
 * their own timings, never overwritten.
 */
export class TimelineService {
  private readonly sql: Sql;

  constructor(
    db: Db,
    private readonly calendars: CalendarService,
  ) {
    this.sql = sqlOf(db);
  }

  /** The seven steps with due time, elapsed working time and overdue state, as of `now`. */
  async forRequest(r: RequestModel, now = new Date()) {
    const [cal, rows] = await Promise.all([this.calendars.forOffice(r.officeId), this.sql.rows(STEPS_OF_REQUEST, [r.id])]);
    // A cancelled request's open steps were closed at the cancel: nothing runs on.
    return SOP_STEPS.map((def) => {
      const rounds = rows.filter((s) => s.step === def.no);
      const row = rounds.at(-1);
      const timing = row ? stepTiming(cal, row.startedAt, def.standardTime, row.completedAt, now) : null;
      return {
        step: def.no,
        round: row?.round ?? 1,
        earlierRounds: rounds.slice(0, -1).map((e) => {
          const t = stepTiming(cal, e.startedAt, def.standardTime, e.completedAt, now);
          return {
            round: e.round,
            startedAt: e.startedAt,
            dueAt: e.dueAt,
            completedAt: e.completedAt,
            completedBy: e.completedBy,
            action: (e.action as RequestAction | null) ?? null,
            note: e.note,
            elapsedWorkingMinutes: Math.floor(t.elapsedWorkingMinutes),
            overdue: t.overdue,
          };
        }),
        code: def.code,
        activity: def.activity,
        actors: def.actors,
        standardTime: standardTimeLabel(def.standardTime),
        // The budget from the start: for a step not reached yet, the standard in office minutes
        // (days × the office day); once started, the office minutes from its start to its due time.
        standardWorkingMinutes: Math.round(timing?.standardWorkingMinutes ?? standardMinutes(cal, def.standardTime)),
        output: def.output,
        state: !row ? StepState.PENDING : row.completedAt ? StepState.DONE : StepState.ACTIVE,
        startedAt: row?.startedAt ?? null,
        dueAt: row?.dueAt ?? null,
        completedAt: row?.completedAt ?? null,
        completedBy: row?.completedBy ?? null,
        note: row?.note ?? null,
        // Whole minutes for display; the due/overdue decision above uses the exact values.
        elapsedWorkingMinutes: Math.floor(timing?.elapsedWorkingMinutes ?? 0),
        overdue: timing?.overdue ?? false,
        overdueWorkingMinutes: Math.floor(timing?.overdueWorkingMinutes ?? 0),
        escalatesTo: SUPERIOR[def.actors[0]!] ?? null,
      };
    });
  }
}
