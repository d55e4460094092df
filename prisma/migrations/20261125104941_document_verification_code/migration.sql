-- AlterTable
ALTER TABLE "StoredDocument" ADD COLUMN     "verificationCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "StoredDocument_verificationCode_key" ON "StoredDocument"("verificationCode");
