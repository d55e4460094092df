-- AlterTable
ALTER TABLE "DataRequest" ADD COLUMN     "pemdaRequestId" UUID;

-- CreateTable
CREATE TABLE "PemdaRequest" (
    "id" UUID NOT NULL,
    "pemdaId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "letterNumber" TEXT NOT NULL,
    "letterDate" DATE NOT NULL,
    "subject" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "triwulan" INTEGER,
    "items" TEXT[],
    "requestedDocuments" "DocumentKind"[],
    "notes" TEXT,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PemdaRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PemdaRequest_officeId_createdAt_idx" ON "PemdaRequest"("officeId", "createdAt");

-- CreateIndex
CREATE INDEX "PemdaRequest_pemdaId_createdAt_idx" ON "PemdaRequest"("pemdaId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PemdaRequest_pemdaId_letterNumber_key" ON "PemdaRequest"("pemdaId", "letterNumber");

-- CreateIndex
CREATE INDEX "DataRequest_pemdaRequestId_idx" ON "DataRequest"("pemdaRequestId");

-- AddForeignKey
ALTER TABLE "PemdaRequest" ADD CONSTRAINT "PemdaRequest_pemdaId_fkey" FOREIGN KEY ("pemdaId") REFERENCES "Pemda"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PemdaRequest" ADD CONSTRAINT "PemdaRequest_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataRequest" ADD CONSTRAINT "DataRequest_pemdaRequestId_fkey" FOREIGN KEY ("pemdaRequestId") REFERENCES "PemdaRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;
