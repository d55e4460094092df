-- CreateEnum
CREATE TYPE "ValueKind" AS ENUM ('COUNT', 'PERCENTAGE', 'MONEY', 'INDEX');

-- CreateEnum
CREATE TYPE "TargetMode" AS ENUM ('CUMULATIVE', 'PER_QUARTER');

-- AlterTable
ALTER TABLE "CategoryScale" ADD COLUMN     "cap" DECIMAL(8,2);

-- AlterTable
ALTER TABLE "DataRequestIndicator" ADD COLUMN     "target" DECIMAL(18,4),
ADD COLUMN     "targetFrozenAt" TIMESTAMPTZ(3),
ADD COLUMN     "targetUpper" DECIMAL(18,4);

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "allowAbove100" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "renstraTarget" DECIMAL(18,4),
ADD COLUMN     "sasaranId" UUID,
ADD COLUMN     "targetMode" "TargetMode" NOT NULL DEFAULT 'CUMULATIVE',
ADD COLUMN     "valueKind" "ValueKind";

-- CreateTable
CREATE TABLE "RenstraPeriod" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RenstraPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sasaran" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "renstraPeriodId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Sasaran_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RenstraPeriod_officeId_startYear_key" ON "RenstraPeriod"("officeId", "startYear");

-- CreateIndex
CREATE INDEX "Sasaran_officeId_idx" ON "Sasaran"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "Sasaran_renstraPeriodId_code_key" ON "Sasaran"("renstraPeriodId", "code");

-- CreateIndex
CREATE INDEX "Indicator_sasaranId_idx" ON "Indicator"("sasaranId");

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_sasaranId_fkey" FOREIGN KEY ("sasaranId") REFERENCES "Sasaran"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenstraPeriod" ADD CONSTRAINT "RenstraPeriod_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sasaran" ADD CONSTRAINT "Sasaran_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sasaran" ADD CONSTRAINT "Sasaran_renstraPeriodId_fkey" FOREIGN KEY ("renstraPeriodId") REFERENCES "RenstraPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data: every office with indicators gets one Renstra period (2025–2029, the period of the
-- RPJMD that followed the 2024 elections; rename or add periods in the app), the distinct
-- free-text Sasaran of its indicators become Sasaran rows (S1, S2, … in name order), and each
-- indicator points at its own.
INSERT INTO "RenstraPeriod" ("id", "officeId", "name", "startYear", "endYear")
SELECT gen_random_uuid(), o."officeId", 'Renstra 2025–2029', 2025, 2029
  FROM (SELECT DISTINCT "officeId" FROM "Indicator") o;

INSERT INTO "Sasaran" ("id", "officeId", "renstraPeriodId", "code", "name")
SELECT gen_random_uuid(), s."officeId", rp."id", 'S' || s.n, s.sasaran
  FROM (SELECT "officeId", sasaran, row_number() OVER (PARTITION BY "officeId" ORDER BY sasaran) AS n
          FROM (SELECT DISTINCT "officeId", btrim(sasaran) AS sasaran FROM "Indicator") d) s
  JOIN "RenstraPeriod" rp ON rp."officeId" = s."officeId" AND rp."startYear" = 2025;

UPDATE "Indicator" i SET "sasaranId" = sa."id"
  FROM "Sasaran" sa WHERE sa."officeId" = i."officeId" AND sa."name" = btrim(i.sasaran);

ALTER TABLE "Indicator" DROP COLUMN "sasaran";

-- Requests whose format was already sent (past step 3) keep the targets they were computed with
-- until now (the year's request took Triwulan IV's): frozen at migration time.
UPDATE "DataRequestIndicator" di
   SET "target" = t."target", "targetUpper" = t."targetUpper", "targetFrozenAt" = CURRENT_TIMESTAMP
  FROM "DataRequest" r
  LEFT JOIN "IndicatorTarget" t ON true
 WHERE r."id" = di."requestId"
   AND r."currentStep" > 3
   AND t."indicatorId" = di."indicatorId" AND t."year" = r."year" AND t."triwulan" = COALESCE(r."triwulan", 4);

UPDATE "DataRequestIndicator" di
   SET "targetFrozenAt" = CURRENT_TIMESTAMP
  FROM "DataRequest" r
 WHERE r."id" = di."requestId" AND r."currentStep" > 3 AND di."targetFrozenAt" IS NULL;
