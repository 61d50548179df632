-- CreateEnum
CREATE TYPE "SyncJobStatus" AS ENUM ('PENDING', 'PARKED');

-- CreateEnum
CREATE TYPE "InterventionSyncStatus" AS ENUM ('SYNCED', 'PENDING', 'FAILED');

-- CreateTable
CREATE TABLE "sync_jobs" (
    "id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "intervention_id" UUID NOT NULL,
    "status" "SyncJobStatus" NOT NULL DEFAULT 'PENDING',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "run_after" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sync_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "intervention_syncs" (
    "id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "intervention_id" UUID NOT NULL,
    "calendar_id" TEXT,
    "external_id" TEXT,
    "etag" TEXT,
    "status" "InterventionSyncStatus" NOT NULL,
    "last_error" TEXT,
    "synced_version" INTEGER,
    "synced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "intervention_syncs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sync_jobs_status_run_after_idx" ON "sync_jobs"("status", "run_after");

-- CreateIndex
CREATE UNIQUE INDEX "sync_jobs_integration_id_intervention_id_key" ON "sync_jobs"("integration_id", "intervention_id");

-- CreateIndex
CREATE INDEX "intervention_syncs_intervention_id_idx" ON "intervention_syncs"("intervention_id");

-- CreateIndex
CREATE UNIQUE INDEX "intervention_syncs_integration_id_intervention_id_key" ON "intervention_syncs"("integration_id", "intervention_id");

-- AddForeignKey
ALTER TABLE "sync_jobs" ADD CONSTRAINT "sync_jobs_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "calendar_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention_syncs" ADD CONSTRAINT "intervention_syncs_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "calendar_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
