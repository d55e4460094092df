-- CreateEnum
CREATE TYPE "LkjipChange" AS ENUM ('GENERATED', 'EDITED', 'BUDGET_IMPORTED');

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'LKJIP';

-- CreateTable
CREATE TABLE "LkjipDraft" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "change" "LkjipChange" NOT NULL,
    "computed" JSONB NOT NULL,
    "narratives" JSONB NOT NULL,
    "budget" JSONB NOT NULL,
    "generatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LkjipDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LkjipDraft_officeId_year_version_key" ON "LkjipDraft"("officeId", "year", "version");

-- AddForeignKey
ALTER TABLE "LkjipDraft" ADD CONSTRAINT "LkjipDraft_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
