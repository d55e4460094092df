-- AlterTable
ALTER TABLE "DataRequest" ADD COLUMN     "requesterDeadline" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "adHocRequestId" UUID;

-- CreateTable
CREATE TABLE "DataRequestBidang" (
    "requestId" UUID NOT NULL,
    "bidangId" UUID NOT NULL,

    CONSTRAINT "DataRequestBidang_pkey" PRIMARY KEY ("requestId","bidangId")
);

-- CreateIndex
CREATE INDEX "DataRequestBidang_bidangId_idx" ON "DataRequestBidang"("bidangId");

-- CreateIndex
CREATE INDEX "Indicator_adHocRequestId_idx" ON "Indicator"("adHocRequestId");

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_adHocRequestId_fkey" FOREIGN KEY ("adHocRequestId") REFERENCES "DataRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataRequestBidang" ADD CONSTRAINT "DataRequestBidang_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DataRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataRequestBidang" ADD CONSTRAINT "DataRequestBidang_bidangId_fkey" FOREIGN KEY ("bidangId") REFERENCES "Bidang"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: a request that already sent its format is asked of the Bidang that got a submission;
-- one still before step 3 is asked of every active Bidang of its office (the earlier rule).
INSERT INTO "DataRequestBidang" ("requestId", "bidangId")
SELECT s."requestId", s."bidangId" FROM "BidangSubmission" s
ON CONFLICT DO NOTHING;

INSERT INTO "DataRequestBidang" ("requestId", "bidangId")
SELECT r.id, b.id FROM "DataRequest" r JOIN "Bidang" b ON b."officeId" = r."officeId" AND b.active
 WHERE NOT EXISTS (SELECT 1 FROM "BidangSubmission" s WHERE s."requestId" = r.id)
ON CONFLICT DO NOTHING;
