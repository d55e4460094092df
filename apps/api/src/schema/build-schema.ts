import 'reflect-metadata';
import '../common/enums';
import path from 'node:path';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AdminResolver } from '../admin/admin.resolver';
import { IndicatorResolver } from '../indicator/indicator.resolver';
import { ReviewFlagsResolver } from '../analysis/review-flags.resolver';
import { ScaleResolver } from '../analysis/scale.resolver';
import { CalendarResolver } from '../calendar/calendar.resolver';
import { AnalysisResolver } from '../analysis/analysis.resolver';
import { ApiTokenResolver } from '../api-token/api-token.resolver';
import { AuthResolver } from '../auth/auth.resolver';
import { authChecker } from '../auth/auth-checker';
import { DataRequestResolver } from '../data-request/data-request.resolver';
import { LetterheadLogoResolver, LetterheadResolver } from '../office/letterhead.resolver';
import { InboxResolver } from '../inbox/inbox.resolver';
import { OfficeResolver } from '../office/office.resolver';
import { UserNipResolver } from '../office/user.resolver';
import { VerifyResolver } from '../report/verify.resolver';
import { PerformanceResolver } from '../performance/performance.resolver';
import { SubmissionResolver } from '../submission/submission.resolver';
import { WebhookResolver } from '../webhook/webhook.resolver';
import { NotificationResolver } from '../notification/notification.resolver';
import { UserResolver } from '../user/user.resolver';
import { IndicatorAdHocResolver, RequestAsksResolver } from '../request-asks/asks.resolver';
import { MonitoringResolver } from '../monitoring/monitoring.resolver';
import { LkjipResolver } from '../lkjip/lkjip.resolver';
import { FindingResolver } from '../finding/finding.resolver';
import { HistoryResolver } from '../history/history.resolver';
import { RollupResolver } from '../rollup/rollup.resolver';
import { PemdaResolver } from '../pemda/pemda.resolver';
import { PemdaRequestResolver } from '../pemda-request/pemda-request.resolver';

/** The committed SDL; a test fails when it differs from what the code builds. */
export const SDL_PATH = path.resolve(__dirname, '../../schema.graphql');

let built: Promise<GraphQLSchema> | undefined;

export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    // One per line: feature branches add theirs without touching each other's.
    resolvers: [
      AuthResolver,
      DataRequestResolver,
      InboxResolver,
      SubmissionResolver,
      AnalysisResolver,
      AdminResolver,
      IndicatorResolver,
      ReviewFlagsResolver,
      ScaleResolver,
      CalendarResolver,
      OfficeResolver,
      LetterheadResolver,
      LetterheadLogoResolver,
      UserNipResolver,
      UserResolver,
      VerifyResolver,
      ApiTokenResolver,
      PerformanceResolver,
      WebhookResolver,
      NotificationResolver,
      RequestAsksResolver,
      IndicatorAdHocResolver,
      MonitoringResolver,
      LkjipResolver,
      FindingResolver,
      HistoryResolver,
      RollupResolver,
      PemdaResolver,
      PemdaRequestResolver,
    ],
    authChecker,
    validate: { forbidUnknownValues: false },
  });
  return built;
}
