-- Issue 11: request states (AT_KEPALA, CANCELLED), WAIVED submissions, rounds of a step.
-- Data: existing DONE rows stay DONE (the report was raised before the Kepala's desk existed; their
-- acknowledgedAt, when set, is kept); existing steps are round 1 (the column default).

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RequestStatus" ADD VALUE 'AT_KEPALA';
ALTER TYPE "RequestStatus" ADD VALUE 'CANCELLED';

-- AlterEnum
ALTER TYPE "SubmissionStatus" ADD VALUE 'WAIVED';

-- DropIndex
DROP INDEX "RequestStep_requestId_step_key";

-- AlterTable
ALTER TABLE "BidangSubmission" ADD COLUMN     "waivedAt" TIMESTAMPTZ(3),
ADD COLUMN     "waivedById" UUID,
ADD COLUMN     "waiverNote" TEXT;

-- AlterTable
ALTER TABLE "DataRequest" ADD COLUMN     "arahan" TEXT,
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "cancelledById" UUID;

-- AlterTable
ALTER TABLE "RequestStep" ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE UNIQUE INDEX "RequestStep_requestId_step_round_key" ON "RequestStep"("requestId", "step", "round");
