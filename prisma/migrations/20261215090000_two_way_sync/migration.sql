-- Two-way sync: per-integration sync mode, the pull cursor of each two-way calendar, the
-- calendar changes technicians make to our events, and the organisation's policy for them.
-- An intervention may be unassigned (technician_id null): dispatch accepted a removal.
-- CreateEnum
CREATE TYPE "SyncMode" AS ENUM ('push', 'two_way');

-- CreateEnum
CREATE TYPE "CalendarChangeKind" AS ENUM ('moved', 'removed');

-- CreateEnum
CREATE TYPE "CalendarChangeStatus" AS ENUM ('open', 'accepted', 'rejected', 'applied', 'reverted');

-- CreateEnum
CREATE TYPE "CalendarChangePolicy" AS ENUM ('propose', 'apply', 'revert');

-- AlterTable
ALTER TABLE "calendar_integrations" ADD COLUMN     "sync_mode" "SyncMode" NOT NULL DEFAULT 'push';

-- AlterTable
ALTER TABLE "interventions" ALTER COLUMN "technician_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "calendar_pulls" (
    "integration_id" UUID NOT NULL,
    "calendar_id" TEXT NOT NULL,
    "cursor" TEXT,
    "next_pull_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "pulled_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "calendar_pulls_pkey" PRIMARY KEY ("integration_id")
);

-- CreateTable
CREATE TABLE "calendar_changes" (
    "id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "intervention_id" UUID NOT NULL,
    "technician_id" UUID NOT NULL,
    "provider" "CalendarProvider" NOT NULL,
    "kind" "CalendarChangeKind" NOT NULL,
    "status" "CalendarChangeStatus" NOT NULL DEFAULT 'open',
    "fingerprint" TEXT NOT NULL,
    "intervention_version" INTEGER NOT NULL,
    "previous_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "previous_ends_at" TIMESTAMPTZ(3) NOT NULL,
    "proposed_starts_at" TIMESTAMPTZ(3),
    "proposed_ends_at" TIMESTAMPTZ(3),
    "seen_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,

    CONSTRAINT "calendar_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_change_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "policy" "CalendarChangePolicy" NOT NULL DEFAULT 'propose',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_change_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "calendar_pulls_next_pull_at_idx" ON "calendar_pulls"("next_pull_at");

-- CreateIndex
CREATE INDEX "calendar_changes_status_seen_at_idx" ON "calendar_changes"("status", "seen_at");

-- CreateIndex
CREATE INDEX "calendar_changes_intervention_id_seen_at_idx" ON "calendar_changes"("intervention_id", "seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_changes_integration_id_fingerprint_key" ON "calendar_changes"("integration_id", "fingerprint");

-- AddForeignKey
ALTER TABLE "calendar_pulls" ADD CONSTRAINT "calendar_pulls_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "calendar_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_changes" ADD CONSTRAINT "calendar_changes_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "calendar_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_changes" ADD CONSTRAINT "calendar_changes_intervention_id_fkey" FOREIGN KEY ("intervention_id") REFERENCES "interventions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_changes" ADD CONSTRAINT "calendar_changes_technician_id_fkey" FOREIGN KEY ("technician_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_changes" ADD CONSTRAINT "calendar_changes_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One organisation, one policy row (as event_privacy_settings).
ALTER TABLE "calendar_change_settings" ADD CONSTRAINT "calendar_change_settings_single_row" CHECK ("id" = 1);
INSERT INTO "calendar_change_settings" ("id") VALUES (1);
