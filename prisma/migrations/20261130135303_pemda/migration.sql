-- AlterEnum
-- Issue 15: the kabupaten level (PostgreSQL 12+ adds several enum values in one transaction).
ALTER TYPE "Role" ADD VALUE 'PEMDA_ADMIN';
ALTER TYPE "Role" ADD VALUE 'PEMDA_ANALYST';
ALTER TYPE "Role" ADD VALUE 'PEMDA_VIEWER';

-- CreateTable
CREATE TABLE "Pemda" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pemda_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Pemda_code_key" ON "Pemda"("code");

-- Existing offices: one pemda per distinct regency (the name they were registered under), so
-- offices of the same kabupaten land together and no office is left without one.
ALTER TABLE "Office" ADD COLUMN "pemdaId" UUID;
INSERT INTO "Pemda" ("id", "code", "name")
SELECT gen_random_uuid(), upper(trim(both '-' from regexp_replace(r.regency, '[^A-Za-z0-9]+', '-', 'g'))), 'Pemerintah ' || r.regency
FROM (SELECT DISTINCT "regency" FROM "Office") r;
UPDATE "Office" o SET "pemdaId" = p."id"
FROM "Pemda" p WHERE p."code" = upper(trim(both '-' from regexp_replace(o."regency", '[^A-Za-z0-9]+', '-', 'g')));
ALTER TABLE "Office" ALTER COLUMN "pemdaId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Office_pemdaId_idx" ON "Office"("pemdaId");

-- AddForeignKey
ALTER TABLE "Office" ADD CONSTRAINT "Office_pemdaId_fkey" FOREIGN KEY ("pemdaId") REFERENCES "Pemda"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
