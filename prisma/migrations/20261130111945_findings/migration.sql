-- CreateEnum
CREATE TYPE "AuditSource" AS ENUM ('BPK', 'INSPEKTORAT', 'APIP_LAIN', 'AKIP');

-- CreateEnum
CREATE TYPE "TlStatus" AS ENUM ('SESUAI', 'BELUM_SESUAI', 'BELUM_DITINDAKLANJUTI', 'TIDAK_DAPAT_DITINDAKLANJUTI');

-- CreateEnum
CREATE TYPE "FollowUpState" AS ENUM ('SUBMITTED', 'VERIFIED', 'RETURNED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'APIP';

-- AlterTable
ALTER TABLE "StoredDocument" ADD COLUMN     "followUpActionId" UUID;

-- CreateTable
CREATE TABLE "FindingDeadlineSetting" (
    "officeId" UUID NOT NULL,
    "source" "AuditSource" NOT NULL,
    "days" INTEGER NOT NULL,

    CONSTRAINT "FindingDeadlineSetting_pkey" PRIMARY KEY ("officeId","source")
);

-- CreateTable
CREATE TABLE "AuditReport" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "source" "AuditSource" NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "receivedDate" DATE NOT NULL,
    "deadlineDays" INTEGER NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "bidangId" UUID NOT NULL,
    "indicatorId" UUID,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kondisi" TEXT NOT NULL,
    "kriteria" TEXT NOT NULL,
    "sebab" TEXT NOT NULL,
    "akibat" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" UUID NOT NULL,
    "findingId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "TlStatus" NOT NULL DEFAULT 'BELUM_DITINDAKLANJUTI',
    "statusReason" TEXT,
    "deadline" DATE NOT NULL,
    "verifiedAt" TIMESTAMPTZ(3),
    "verifiedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpAction" (
    "id" UUID NOT NULL,
    "recommendationId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "state" "FollowUpState" NOT NULL DEFAULT 'SUBMITTED',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "verdict" "TlStatus",
    "note" TEXT,

    CONSTRAINT "FollowUpAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditReport_officeId_year_idx" ON "AuditReport"("officeId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "AuditReport_officeId_number_key" ON "AuditReport"("officeId", "number");

-- CreateIndex
CREATE INDEX "Finding_officeId_bidangId_idx" ON "Finding"("officeId", "bidangId");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_reportId_code_key" ON "Finding"("reportId", "code");

-- CreateIndex
CREATE INDEX "Recommendation_deadline_idx" ON "Recommendation"("deadline");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_findingId_code_key" ON "Recommendation"("findingId", "code");

-- CreateIndex
CREATE INDEX "FollowUpAction_recommendationId_idx" ON "FollowUpAction"("recommendationId");

-- AddForeignKey
ALTER TABLE "StoredDocument" ADD CONSTRAINT "StoredDocument_followUpActionId_fkey" FOREIGN KEY ("followUpActionId") REFERENCES "FollowUpAction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingDeadlineSetting" ADD CONSTRAINT "FindingDeadlineSetting_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditReport" ADD CONSTRAINT "AuditReport_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AuditReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_bidangId_fkey" FOREIGN KEY ("bidangId") REFERENCES "Bidang"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpAction" ADD CONSTRAINT "FollowUpAction_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Evidence of an audit follow-up is never removed once sent (issue 14): no DELETE, and it stays
-- bound to its action. Like "StoredDocument_issued_permanent".
CREATE FUNCTION "stored_document_evidence_is_permanent"() RETURNS trigger AS $$
BEGIN
  IF OLD."followUpActionId" IS NOT NULL AND (TG_OP = 'DELETE' OR NEW."followUpActionId" IS DISTINCT FROM OLD."followUpActionId" OR NEW.sha256 <> OLD.sha256 OR NEW."storageKey" <> OLD."storageKey") THEN
    RAISE EXCEPTION 'evidence of a follow-up action is permanent (document %)', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "StoredDocument_evidence_permanent"
  BEFORE UPDATE OR DELETE ON "StoredDocument"
  FOR EACH ROW EXECUTE FUNCTION "stored_document_evidence_is_permanent"();
