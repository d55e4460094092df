-- AlterTable
ALTER TABLE "CategoryScale" ADD COLUMN     "pemdaId" UUID;

-- AddForeignKey
ALTER TABLE "CategoryScale" ADD CONSTRAINT "CategoryScale_pemdaId_fkey" FOREIGN KEY ("pemdaId") REFERENCES "Pemda"("id") ON DELETE SET NULL ON UPDATE CASCADE;
