-- AlterTable
ALTER TABLE "AuditReport" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
