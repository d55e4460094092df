-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "kopAddress" TEXT,
ADD COLUMN     "kopAgency" TEXT,
ADD COLUMN     "kopCity" TEXT,
ADD COLUMN     "kopEmail" TEXT,
ADD COLUMN     "kopGovernment" TEXT,
ADD COLUMN     "kopPhone" TEXT,
ADD COLUMN     "kopWebsite" TEXT,
ADD COLUMN     "logoDocumentId" UUID;

-- AlterTable
ALTER TABLE "StoredDocument" ADD COLUMN     "contentKey" TEXT;

-- CreateIndex
CREATE INDEX "StoredDocument_requestId_kind_contentKey_idx" ON "StoredDocument"("requestId", "kind", "contentKey");

-- AddForeignKey
ALTER TABLE "Office" ADD CONSTRAINT "Office_logoDocumentId_fkey" FOREIGN KEY ("logoDocumentId") REFERENCES "StoredDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: the Kasubbag's hand-over of the report to the Sekretaris is SOP step 7 ("Kasubbag …
-- menyampaikan Laporan Kinerja kepada Sekretaris Dinas …"), as the timeline shows it; it was
-- recorded as step 6, the step it completes in the state machine (packages/sop dispositionStep).
UPDATE "Disposition" SET "step" = 7 WHERE "step" = 6 AND "fromRole" = 'KASUBBAG' AND "toRole" = 'SEKRETARIS';
