-- Push channels for availability too: a row per (integration, purpose, calendar). Existing
-- rows are the two-way pull watches (purpose 'pull'); 'busy' watches the calendars that count.
-- CreateEnum
CREATE TYPE "WatchPurpose" AS ENUM ('pull', 'busy');

-- AlterTable
ALTER TABLE "watch_channels" DROP CONSTRAINT "watch_channels_pkey",
ADD COLUMN     "id" UUID NOT NULL DEFAULT gen_random_uuid(),
ADD COLUMN     "purpose" "WatchPurpose" NOT NULL DEFAULT 'pull',
ADD CONSTRAINT "watch_channels_pkey" PRIMARY KEY ("id");

-- CreateIndex
CREATE UNIQUE INDEX "watch_channels_integration_id_purpose_calendar_id_key" ON "watch_channels"("integration_id", "purpose", "calendar_id");
