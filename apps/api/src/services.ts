import { AnalysisService } from './analysis/analysis.service';
import { ScaleService } from './analysis/scale.service';
import { AdminService } from './admin/admin.service';
import { AuthService } from './auth/auth.service';
import { CalendarService } from './calendar/calendar.service';
import type { Config } from './config';
import { DataRequestService } from './data-request/data-request.service';
import type { Db } from './db/prisma';
import { DocumentService } from './document/document.service';
import { DocumentStorage } from './document/storage';
import { SubmissionService } from './submission/submission.service';

/** The services of one running app, wired once; resolvers and routes reach them via context. */
export function createServices(db: Db, config: Config) {
  const calendars = new CalendarService(db);
  const scales = new ScaleService(db);
  return {
    auth: new AuthService(db, config),
    calendars,
    scales,
    requests: new DataRequestService(db, calendars),
    submissions: new SubmissionService(db, scales),
    analyses: new AnalysisService(db, scales),
    documents: new DocumentService(db, new DocumentStorage(config.DATA_DIR), config.MAX_UPLOAD_BYTES),
    admin: new AdminService(db, calendars),
  };
}
export type Services = ReturnType<typeof createServices>;
