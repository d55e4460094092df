-- Issue 15 "Beyond one machine": every tenant table carries "officeId" with an index that leads
-- with it (the distribution column a Citus cluster would shard by; see docs/scaling.md), checked
-- table by table by apps/api/test/tenant-tables.test.ts.
--
-- The services do not write the new columns: a BEFORE INSERT trigger copies the office from the
-- parent row (the Prisma fields are `@default(dbgenerated())`, so creates may omit them). It
-- always overwrites what an insert sends, so a child can never name another office than its
-- parent's; it also runs when the parent key is updated. Bulk loaders that already know the office
-- (bench/generate.mjs) switch triggers off with session_replication_role = replica.

CREATE FUNCTION "sipedaki_office_from_parent"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_id uuid := (to_jsonb(NEW) ->> TG_ARGV[1])::uuid;
  office uuid;
BEGIN
  EXECUTE format('SELECT "officeId" FROM %I WHERE "id" = $1', TG_ARGV[0]) INTO office USING parent_id;
  IF office IS NULL THEN
    -- The same error the foreign key would raise a moment later (Prisma: P2003).
    RAISE foreign_key_violation USING MESSAGE = format('%s.%s: no %s row %s', TG_TABLE_NAME, TG_ARGV[1], TG_ARGV[0], parent_id);
  END IF;
  NEW."officeId" := office;
  RETURN NEW;
END
$$;

-- ActingAssignment: office of its User ("userId")
ALTER TABLE "ActingAssignment" ADD COLUMN "officeId" UUID;
UPDATE "ActingAssignment" c SET "officeId" = p."officeId" FROM "User" p WHERE p."id" = c."userId";
ALTER TABLE "ActingAssignment" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "ActingAssignment_officeId" BEFORE INSERT OR UPDATE OF "userId" ON "ActingAssignment"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('User', 'userId');

-- Session: office of its User ("userId")
ALTER TABLE "Session" ADD COLUMN "officeId" UUID;
UPDATE "Session" c SET "officeId" = p."officeId" FROM "User" p WHERE p."id" = c."userId";
ALTER TABLE "Session" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "Session_officeId" BEFORE INSERT OR UPDATE OF "userId" ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('User', 'userId');

-- PhoneVerification: office of its User ("userId")
ALTER TABLE "PhoneVerification" ADD COLUMN "officeId" UUID;
UPDATE "PhoneVerification" c SET "officeId" = p."officeId" FROM "User" p WHERE p."id" = c."userId";
ALTER TABLE "PhoneVerification" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "PhoneVerification_officeId" BEFORE INSERT OR UPDATE OF "userId" ON "PhoneVerification"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('User', 'userId');

-- IndicatorTarget: office of its Indicator ("indicatorId")
ALTER TABLE "IndicatorTarget" ADD COLUMN "officeId" UUID;
UPDATE "IndicatorTarget" c SET "officeId" = p."officeId" FROM "Indicator" p WHERE p."id" = c."indicatorId";
ALTER TABLE "IndicatorTarget" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "IndicatorTarget_officeId" BEFORE INSERT OR UPDATE OF "indicatorId" ON "IndicatorTarget"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('Indicator', 'indicatorId');

-- DataRequestIndicator: office of its DataRequest ("requestId")
ALTER TABLE "DataRequestIndicator" ADD COLUMN "officeId" UUID;
UPDATE "DataRequestIndicator" c SET "officeId" = p."officeId" FROM "DataRequest" p WHERE p."id" = c."requestId";
ALTER TABLE "DataRequestIndicator" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "DataRequestIndicator_officeId" BEFORE INSERT OR UPDATE OF "requestId" ON "DataRequestIndicator"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('DataRequest', 'requestId');

-- DataRequestBidang: office of its DataRequest ("requestId")
ALTER TABLE "DataRequestBidang" ADD COLUMN "officeId" UUID;
UPDATE "DataRequestBidang" c SET "officeId" = p."officeId" FROM "DataRequest" p WHERE p."id" = c."requestId";
ALTER TABLE "DataRequestBidang" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "DataRequestBidang_officeId" BEFORE INSERT OR UPDATE OF "requestId" ON "DataRequestBidang"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('DataRequest', 'requestId');

-- RequestStep: office of its DataRequest ("requestId")
ALTER TABLE "RequestStep" ADD COLUMN "officeId" UUID;
UPDATE "RequestStep" c SET "officeId" = p."officeId" FROM "DataRequest" p WHERE p."id" = c."requestId";
ALTER TABLE "RequestStep" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "RequestStep_officeId" BEFORE INSERT OR UPDATE OF "requestId" ON "RequestStep"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('DataRequest', 'requestId');

-- Disposition: office of its DataRequest ("requestId")
ALTER TABLE "Disposition" ADD COLUMN "officeId" UUID;
UPDATE "Disposition" c SET "officeId" = p."officeId" FROM "DataRequest" p WHERE p."id" = c."requestId";
ALTER TABLE "Disposition" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "Disposition_officeId" BEFORE INSERT OR UPDATE OF "requestId" ON "Disposition"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('DataRequest', 'requestId');

-- BidangSubmission: office of its DataRequest ("requestId")
ALTER TABLE "BidangSubmission" ADD COLUMN "officeId" UUID;
UPDATE "BidangSubmission" c SET "officeId" = p."officeId" FROM "DataRequest" p WHERE p."id" = c."requestId";
ALTER TABLE "BidangSubmission" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "BidangSubmission_officeId" BEFORE INSERT OR UPDATE OF "requestId" ON "BidangSubmission"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('DataRequest', 'requestId');

-- PerformanceAnalysis: office of its DataRequest ("requestId")
ALTER TABLE "PerformanceAnalysis" ADD COLUMN "officeId" UUID;
UPDATE "PerformanceAnalysis" c SET "officeId" = p."officeId" FROM "DataRequest" p WHERE p."id" = c."requestId";
ALTER TABLE "PerformanceAnalysis" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "PerformanceAnalysis_officeId" BEFORE INSERT OR UPDATE OF "requestId" ON "PerformanceAnalysis"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('DataRequest', 'requestId');

-- SubmissionValue: office of its BidangSubmission ("submissionId")
ALTER TABLE "SubmissionValue" ADD COLUMN "officeId" UUID;
UPDATE "SubmissionValue" c SET "officeId" = p."officeId" FROM "BidangSubmission" p WHERE p."id" = c."submissionId";
ALTER TABLE "SubmissionValue" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "SubmissionValue_officeId" BEFORE INSERT OR UPDATE OF "submissionId" ON "SubmissionValue"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('BidangSubmission', 'submissionId');

-- SubmissionVersion: office of its BidangSubmission ("submissionId")
ALTER TABLE "SubmissionVersion" ADD COLUMN "officeId" UUID;
UPDATE "SubmissionVersion" c SET "officeId" = p."officeId" FROM "BidangSubmission" p WHERE p."id" = c."submissionId";
ALTER TABLE "SubmissionVersion" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "SubmissionVersion_officeId" BEFORE INSERT OR UPDATE OF "submissionId" ON "SubmissionVersion"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('BidangSubmission', 'submissionId');

-- SubmissionReview: office of its BidangSubmission ("submissionId")
ALTER TABLE "SubmissionReview" ADD COLUMN "officeId" UUID;
UPDATE "SubmissionReview" c SET "officeId" = p."officeId" FROM "BidangSubmission" p WHERE p."id" = c."submissionId";
ALTER TABLE "SubmissionReview" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "SubmissionReview_officeId" BEFORE INSERT OR UPDATE OF "submissionId" ON "SubmissionReview"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('BidangSubmission', 'submissionId');

-- WebhookDelivery: office of its WebhookEndpoint ("endpointId")
ALTER TABLE "WebhookDelivery" ADD COLUMN "officeId" UUID;
UPDATE "WebhookDelivery" c SET "officeId" = p."officeId" FROM "WebhookEndpoint" p WHERE p."id" = c."endpointId";
ALTER TABLE "WebhookDelivery" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "WebhookDelivery_officeId" BEFORE INSERT OR UPDATE OF "endpointId" ON "WebhookDelivery"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('WebhookEndpoint', 'endpointId');

-- NotificationDelivery: office of its Notification ("notificationId")
ALTER TABLE "NotificationDelivery" ADD COLUMN "officeId" UUID;
UPDATE "NotificationDelivery" c SET "officeId" = p."officeId" FROM "Notification" p WHERE p."id" = c."notificationId";
ALTER TABLE "NotificationDelivery" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "NotificationDelivery_officeId" BEFORE INSERT OR UPDATE OF "notificationId" ON "NotificationDelivery"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('Notification', 'notificationId');

-- Recommendation: office of its Finding ("findingId")
ALTER TABLE "Recommendation" ADD COLUMN "officeId" UUID;
UPDATE "Recommendation" c SET "officeId" = p."officeId" FROM "Finding" p WHERE p."id" = c."findingId";
ALTER TABLE "Recommendation" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "Recommendation_officeId" BEFORE INSERT OR UPDATE OF "findingId" ON "Recommendation"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('Finding', 'findingId');

-- FollowUpAction: office of its Recommendation ("recommendationId")
ALTER TABLE "FollowUpAction" ADD COLUMN "officeId" UUID;
UPDATE "FollowUpAction" c SET "officeId" = p."officeId" FROM "Recommendation" p WHERE p."id" = c."recommendationId";
ALTER TABLE "FollowUpAction" ALTER COLUMN "officeId" SET NOT NULL;
CREATE TRIGGER "FollowUpAction_officeId" BEFORE INSERT OR UPDATE OF "recommendationId" ON "FollowUpAction"
  FOR EACH ROW EXECUTE FUNCTION "sipedaki_office_from_parent"('Recommendation', 'recommendationId');

-- CreateIndex
CREATE INDEX "ActingAssignment_officeId_validUntil_idx" ON "ActingAssignment"("officeId", "validUntil");

-- CreateIndex
CREATE INDEX "AuditEvent_officeId_at_idx" ON "AuditEvent"("officeId", "at");

-- CreateIndex
CREATE INDEX "BidangSubmission_officeId_status_idx" ON "BidangSubmission"("officeId", "status");

-- CreateIndex
CREATE INDEX "DataRequestBidang_officeId_bidangId_idx" ON "DataRequestBidang"("officeId", "bidangId");

-- CreateIndex
CREATE INDEX "DataRequestIndicator_officeId_indicatorId_idx" ON "DataRequestIndicator"("officeId", "indicatorId");

-- CreateIndex
CREATE INDEX "Disposition_officeId_createdAt_idx" ON "Disposition"("officeId", "createdAt");

-- CreateIndex
CREATE INDEX "FollowUpAction_officeId_state_idx" ON "FollowUpAction"("officeId", "state");

-- CreateIndex
CREATE INDEX "IndicatorTarget_officeId_year_idx" ON "IndicatorTarget"("officeId", "year");

-- CreateIndex
CREATE INDEX "Notification_officeId_createdAt_idx" ON "Notification"("officeId", "createdAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_officeId_status_idx" ON "NotificationDelivery"("officeId", "status");

-- CreateIndex
CREATE INDEX "PerformanceAnalysis_officeId_status_idx" ON "PerformanceAnalysis"("officeId", "status");

-- CreateIndex
CREATE INDEX "PhoneVerification_officeId_idx" ON "PhoneVerification"("officeId");

-- CreateIndex
CREATE INDEX "Recommendation_officeId_deadline_idx" ON "Recommendation"("officeId", "deadline");

-- CreateIndex
CREATE INDEX "RequestStep_officeId_dueAt_idx" ON "RequestStep"("officeId", "dueAt");

-- CreateIndex
CREATE INDEX "Session_officeId_idx" ON "Session"("officeId");

-- CreateIndex
CREATE INDEX "StoredDocument_officeId_createdAt_idx" ON "StoredDocument"("officeId", "createdAt");

-- CreateIndex
CREATE INDEX "SubmissionReview_officeId_createdAt_idx" ON "SubmissionReview"("officeId", "createdAt");

-- CreateIndex
CREATE INDEX "SubmissionValue_officeId_id_idx" ON "SubmissionValue"("officeId", "id");

-- CreateIndex
CREATE INDEX "SubmissionVersion_officeId_idx" ON "SubmissionVersion"("officeId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_officeId_createdAt_idx" ON "WebhookDelivery"("officeId", "createdAt");

