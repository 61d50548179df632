-- AlterTable
ALTER TABLE "calendar_integrations" ADD COLUMN     "availability_calendar_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "share_availability" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "intervention_syncs" ADD COLUMN     "synced_ends_at" TIMESTAMPTZ(3),
ADD COLUMN     "synced_starts_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "busy_blocks" (
    "id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "provider" "CalendarProvider" NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "busy_blocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "busy_refreshes" (
    "integration_id" UUID NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3),
    "window_start" TIMESTAMPTZ(3),
    "window_end" TIMESTAMPTZ(3),
    "next_refresh_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,

    CONSTRAINT "busy_refreshes_pkey" PRIMARY KEY ("integration_id")
);

-- CreateIndex
CREATE INDEX "busy_blocks_user_id_starts_at_idx" ON "busy_blocks"("user_id", "starts_at");

-- CreateIndex
CREATE INDEX "busy_blocks_integration_id_idx" ON "busy_blocks"("integration_id");

-- CreateIndex
CREATE INDEX "busy_refreshes_next_refresh_at_idx" ON "busy_refreshes"("next_refresh_at");

-- AddForeignKey
ALTER TABLE "busy_blocks" ADD CONSTRAINT "busy_blocks_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "calendar_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "busy_refreshes" ADD CONSTRAINT "busy_refreshes_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "calendar_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
