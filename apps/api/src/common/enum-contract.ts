/**
 * Every database enum that mirrors a union of the procedure package (packages/sop) equals it,
 * value for value, both ways. The database enums are also the GraphQL enums (common/enums.ts),
 * so a value added on one side only stops the typecheck here, naming the enum and the value,
 * instead of reaching a `Record<RequestStatus, …>` lookup as `undefined` at run time.
 * apps/api/test/enum-contract.test.ts adds a value to a copy of each side and watches tsc fail.
 *
 * Not mirrored (the procedure does not know them): ActingKind, AnalysisStatus, ApiScope,
 * WebhookDeliveryStatus.
 */
import type * as Sop from '@sipedaki/sop';
import type * as Db from '../generated/prisma/enums';

type Agreement<Name extends string, InPrismaSchema, InSopPackage> = [Exclude<InPrismaSchema, InSopPackage>, Exclude<InSopPackage, InPrismaSchema>] extends [never, never]
  ? true
  : { enum: Name; onlyInPrismaSchema: Exclude<InPrismaSchema, InSopPackage>; onlyInSopPackage: Exclude<InSopPackage, InPrismaSchema> };

type MustAgree<T extends true> = T;

export type EnumContract = [
  MustAgree<Agreement<'Role', Db.Role, Sop.Role>>,
  MustAgree<Agreement<'RequestStatus', Db.RequestStatus, Sop.RequestStatus>>,
  MustAgree<Agreement<'SubmissionStatus', Db.SubmissionStatus, Sop.SubmissionStatus>>,
  MustAgree<Agreement<'DocumentKind', Db.DocumentKind, Sop.DocumentKind>>,
  MustAgree<Agreement<'Polarity', Db.Polarity, Sop.Polarity>>,
  MustAgree<Agreement<'RecordMark', Db.RecordMark, Sop.RecordMark>>,
  MustAgree<Agreement<'ValueKind', Db.ValueKind, Sop.ValueKind>>,
  MustAgree<Agreement<'TargetMode', Db.TargetMode, Sop.TargetMode>>,
  MustAgree<Agreement<'AuditSource', Db.AuditSource, Sop.AuditSource>>,
  MustAgree<Agreement<'TlStatus', Db.TlStatus, Sop.TlStatus>>,
  MustAgree<Agreement<'FollowUpState', Db.FollowUpState, Sop.FollowUpState>>,
];
