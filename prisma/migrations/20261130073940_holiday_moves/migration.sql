-- AlterTable
ALTER TABLE "Holiday" ADD COLUMN     "movedFrom" DATE;
