-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
