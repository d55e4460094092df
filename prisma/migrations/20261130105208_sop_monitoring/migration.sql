-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'SOP_MONITORING';

-- CreateTable
CREATE TABLE "SopMonitoring" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "semester" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "rows" JSONB NOT NULL,
    "answers" JSONB NOT NULL,
    "facts" JSONB,
    "evaluatorId" UUID,
    "evaluatorRole" "Role",
    "signedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SopMonitoring_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SopMonitoring_officeId_year_semester_key" ON "SopMonitoring"("officeId", "year", "semester");

-- AddForeignKey
ALTER TABLE "SopMonitoring" ADD CONSTRAINT "SopMonitoring_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

