-- AlterTable
ALTER TABLE "sync_jobs" ADD COLUMN     "edited_elsewhere" BOOLEAN NOT NULL DEFAULT false;
