-- AlterEnum
ALTER TYPE "IntegrationStatus" ADD VALUE 'DISCONNECTING';

-- AlterTable
ALTER TABLE "calendar_integrations" ADD COLUMN "sync_run_total" INTEGER;
