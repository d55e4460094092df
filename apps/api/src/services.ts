import { AnalysisService } from './analysis/analysis.service';
import { ScaleService } from './analysis/scale.service';
import { AdminService } from './admin/admin.service';
import { AuthService } from './auth/auth.service';
import { LoginRateLimiter } from './auth/login-rate-limit';
import { CalendarService } from './calendar/calendar.service';
import { configureLogger } from './common/logger';
import type { Config } from './config';
import { CompletenessService } from './data-request/completeness.service';
import { DataRequestService } from './data-request/data-request.service';
import { TimelineService } from './data-request/timeline.service';
import { TransitionService } from './data-request/transition.service';
import type { Db } from './db/prisma';
import { DocumentService } from './document/document.service';
import { DocumentStorage } from './document/storage';
import { LetterheadService } from './office/letterhead.service';
import { InboxService } from './inbox/inbox.service';
import { ReportService } from './report/report.service';
import { SubmissionService } from './submission/submission.service';
import { ApiTokenService } from './api-token/api-token.service';
import { PerformanceService } from './performance/performance.service';
import { WebhookDispatcher } from './webhook/dispatcher';
import { WebhookService } from './webhook/webhook.service';
import { UserService } from './user/user.service';

/** The services of one running app, wired once; resolvers and routes reach them via context. */
export function createServices(db: Db, config: Config) {
  configureLogger(config);
  const calendars = new CalendarService(db);
  const scales = new ScaleService(db);
  const webhooks = new WebhookService(db, config);
  const webhookDispatcher = new WebhookDispatcher(db, config);
  const admin = new AdminService(db);
  // A data request: its registration and reads, the transition engine (the steps), its timeline
  // and its completeness per Bidang; the inbox reads the open requests of an office.
  const requests = new DataRequestService(db, calendars, admin);
  const transitions = new TransitionService(db, calendars, {
    enqueueReportFinal: (tx, requestId, now) => webhooks.enqueueReportFinal(tx, requestId, now),
    afterCommit: () => webhookDispatcher.notify(),
  });
  const completeness = new CompletenessService(db);
  const submissions = new SubmissionService(db, scales);
  const analyses = new AnalysisService(db, scales, requests, completeness, config.ANALYSIS_DEVIATION_PCT);
  // Per client address, in memory; AuthService reserves a place before it checks a password.
  const loginLimiter = new LoginRateLimiter(config.LOGIN_RATE_LIMIT_PER_MINUTE);
  const documents = new DocumentService(db, new DocumentStorage(config.DATA_DIR), config.MAX_UPLOAD_BYTES);
  const letterheads = new LetterheadService(db, documents.storage);
  return {
    auth: new AuthService(db, config, loginLimiter),
    loginLimiter,
    users: new UserService(db),
    calendars,
    scales,
    requests,
    transitions,
    timelines: new TimelineService(db, calendars),
    completeness,
    inbox: new InboxService(db),
    submissions,
    analyses,
    documents,
    letterheads,
    reports: new ReportService(db, documents.storage, submissions, analyses, requests, letterheads),
    admin,
    apiTokens: new ApiTokenService(db, config.API_TOKEN_MAX_DAYS),
    performance: new PerformanceService(db, scales),
    webhooks,
    webhookDispatcher,
  };
}
export type Services = ReturnType<typeof createServices>;
