import { AnalysisService } from './analysis/analysis.service';
import { ScaleService } from './analysis/scale.service';
import { AdminService } from './admin/admin.service';
import { IndicatorService } from './indicator/indicator.service';
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
import { JobRunner } from './notification/job-runner';
import { NotificationService } from './notification/notification.service';
import { ReportService } from './report/report.service';
import { SubmissionService } from './submission/submission.service';
import { ApiTokenService } from './api-token/api-token.service';
import { PerformanceService } from './performance/performance.service';
import { WEBHOOK_ATTEMPT_TASK, WebhookDispatcher } from './webhook/dispatcher';
import { WebhookService } from './webhook/webhook.service';
import { UserService } from './user/user.service';
import { RequestAsksService } from './request-asks/asks.service';
import { MonitoringService } from './monitoring/monitoring.service';
import { MonitoringPrintService } from './monitoring/monitoring.print';
import { LkjipService } from './lkjip/lkjip.service';
import { LkjipPrintService } from './lkjip/lkjip.print';
import { FindingNotifier } from './finding/finding.notify';
import { FindingService } from './finding/finding.service';
import { HistoryService } from './history/history.service';
import { RollupService } from './rollup/rollup.service';
import { RollupPrintService } from './rollup/rollup.print';
import { PemdaScopeService } from './pemda/pemda-scope.service';
import { PemdaService } from './pemda/pemda.service';
import { PemdaRequestService } from './pemda-request/pemda-request.service';

export interface ServiceOptions {
  /** The database the job runner connects to (main.ts: the embedded one's URL); default DATABASE_URL. */
  databaseUrl?: string;
}

/** The services of one running app, wired once; resolvers and routes reach them via context. */
export function createServices(db: Db, config: Config, opts: ServiceOptions = {}) {
  configureLogger(config);
  const embedded = !config.DATABASE_URL;
  // The durable job runner (notifications, reminders, escalations, webhook deliveries); started by
  // main.ts (and by tests that need it), after createServices has registered every task.
  const jobs = new JobRunner(db, {
    databaseUrl: opts.databaseUrl ?? config.DATABASE_URL,
    schema: config.JOBS_SCHEMA,
    poolMax: config.JOBS_POOL_MAX ?? (embedded ? 2 : config.JOBS_CONCURRENCY + 2),
    concurrency: config.JOBS_CONCURRENCY,
    pollMs: config.JOBS_POLL_MS,
    maxAttempts: config.JOBS_MAX_ATTEMPTS,
    heartbeatMs: config.JOBS_HEARTBEAT_MS,
    staleMs: config.JOBS_STALE_MS,
  });
  const calendars = new CalendarService(db);
  const notifications = new NotificationService(db, calendars, jobs, config);
  // The services tell what happened inside their transactions; emit only writes jobs.
  const events = { emit: notifications.emit.bind(notifications), afterCommit: () => jobs.nudge() };
  calendars.events = events;
  const scales = new ScaleService(db);
  const webhooks = new WebhookService(db, config, {}, jobs);
  const webhookDispatcher = new WebhookDispatcher(db, config, {}, jobs);
  jobs.define(WEBHOOK_ATTEMPT_TASK, (p: { deliveryId: string }) => webhookDispatcher.runJob(p.deliveryId));
  const admin = new AdminService(db);
  // A data request: its registration and reads, the transition engine (the steps), its timeline
  // and its completeness per Bidang; the inbox reads the open requests of an office.
  const indicators = new IndicatorService(db);
  const requests = new DataRequestService(db, calendars, indicators, events);
  const transitions = new TransitionService(db, calendars, {
    enqueueReportFinal: (tx, requestId, now) => webhooks.enqueueReportFinal(tx, requestId, now),
    ...events,
  });
  const completeness = new CompletenessService(db);
  const submissions = new SubmissionService(db, scales, events);
  const analyses = new AnalysisService(db, scales, requests, completeness, config.ANALYSIS_DEVIATION_PCT);
  // Per client address, in PostgreSQL (one budget across every API process); AuthService reserves a
  // place before it checks a password.
  const loginLimiter = new LoginRateLimiter(db, config.LOGIN_RATE_LIMIT_PER_MINUTE);
  const documents = new DocumentService(db, new DocumentStorage(config.documentsDir), config.MAX_UPLOAD_BYTES);
  const letterheads = new LetterheadService(db, documents.storage);
  const reports = new ReportService(db, documents.storage, submissions, analyses, requests, letterheads);
  const monitoring = new MonitoringService(db, calendars);
  const pemdaScope = new PemdaScopeService(db);
  // The kabupaten rollup (issue 15): read-only across the pemda's offices.
  const rollup = new RollupService(db, scales, pemdaScope);
  // Findings and their follow-up (TL HP, issue 14): its reminder/escalation tasks are defined here.
  const lkjip = new LkjipService(db, scales);
  const findings = new FindingService(db, calendars, new FindingNotifier(db, calendars, jobs, notifications));
  return {
    auth: new AuthService(db, config, loginLimiter, events),
    loginLimiter,
    users: new UserService(db, events),
    calendars,
    scales,
    requests,
    transitions,
    timelines: new TimelineService(db, calendars),
    completeness,
    inbox: new InboxService(db),
    submissions,
    history: new HistoryService(db, requests, submissions),
    analyses,
    documents,
    letterheads,
    reports,
    admin,
    indicators,
    apiTokens: new ApiTokenService(db, config.API_TOKEN_MAX_DAYS),
    performance: new PerformanceService(db, scales),
    webhooks,
    webhookDispatcher,
    jobs,
    notifications,
    asks: new RequestAsksService(db, calendars),
    monitoring,
    monitoringPrint: new MonitoringPrintService(db, monitoring, reports, letterheads),
    findings,
    // LKjIP chapter III draft (issue 14 §3)
    lkjip,
    lkjipPrint: new LkjipPrintService(lkjip, reports, letterheads),
    rollup,
    rollupPrint: new RollupPrintService(db, rollup, reports, letterheads),
    // Issue 15: which offices an actor may read (own office, or its pemda's for pemda roles), the
    // pemda administrator's offices and roles, and the requests a pemda issues to its offices.
    pemdaScope,
    pemda: new PemdaService(db, pemdaScope),
    pemdaRequests: new PemdaRequestService(db, calendars, pemdaScope, events),
  };
}
export type Services = ReturnType<typeof createServices>;
