-- AlterEnum
ALTER TYPE "SubmissionStatus" ADD VALUE 'AWAITING_HEAD';

-- AlterTable
ALTER TABLE "BidangSubmission" ADD COLUMN     "headApprovedAt" TIMESTAMPTZ(3),
ADD COLUMN     "headApprovedById" UUID;

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "requireHeadApproval" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "StoredDocument" ADD COLUMN     "supersededById" UUID,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "SubmissionVersion" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "rowVersion" INTEGER NOT NULL,
    "narrative" TEXT,
    "values" JSONB NOT NULL,
    "documents" JSONB NOT NULL,
    "submittedById" UUID NOT NULL,
    "headApprovedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionVersion_submissionId_number_key" ON "SubmissionVersion"("submissionId", "number");

-- AddForeignKey
ALTER TABLE "SubmissionVersion" ADD CONSTRAINT "SubmissionVersion_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "BidangSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredDocument" ADD CONSTRAINT "StoredDocument_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "StoredDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A version is a record of what was handed in: never changed afterwards.
CREATE FUNCTION "SubmissionVersion_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'SubmissionVersion rows are records and cannot be changed';
END $$;
CREATE TRIGGER "SubmissionVersion_no_update" BEFORE UPDATE ON "SubmissionVersion"
  FOR EACH ROW EXECUTE FUNCTION "SubmissionVersion_immutable"();

-- Submissions handed in before versions existed: their present content becomes version 1 (the
-- earlier rounds live only in the audit table).
INSERT INTO "SubmissionVersion" (id, "submissionId", number, "rowVersion", narrative, "values", documents, "submittedById", "createdAt")
SELECT gen_random_uuid(), s.id, 1, s.version, s.narrative,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('indicatorId', i.id, 'code', i.code, 'name', i.name,
                                                     'realisasi', v.realisasi::float8, 'note', v.note) ORDER BY i.code)
                   FROM "SubmissionValue" v JOIN "Indicator" i ON i.id = v."indicatorId" WHERE v."submissionId" = s.id), '[]'::jsonb),
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', d.id, 'kind', d.kind, 'filename', d.filename, 'sha256', d.sha256, 'size', d.size) ORDER BY d."createdAt")
                   FROM "StoredDocument" d WHERE d."submissionId" = s.id), '[]'::jsonb),
       s."submittedById", COALESCE(s."submittedAt", now())
  FROM "BidangSubmission" s
 WHERE s.status IN ('SUBMITTED', 'RETURNED', 'ACCEPTED') AND s."submittedById" IS NOT NULL;
