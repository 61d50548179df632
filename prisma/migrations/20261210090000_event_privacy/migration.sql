-- What leaves the company: the client's phone (optional), the organisation's event privacy
-- settings (one row), and the settings version each written event shows.
ALTER TABLE "interventions" ADD COLUMN "client_phone" TEXT NOT NULL DEFAULT '';

CREATE TABLE "event_privacy_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "include_client_name" BOOLEAN NOT NULL DEFAULT false,
    "include_client_phone" BOOLEAN NOT NULL DEFAULT false,
    "include_address" BOOLEAN NOT NULL DEFAULT true,
    "include_notes" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_privacy_settings_pkey" PRIMARY KEY ("id"),
    -- One organisation, one row.
    CONSTRAINT "event_privacy_settings_single_row" CHECK ("id" = 1)
);
INSERT INTO "event_privacy_settings" ("id") VALUES (1);

ALTER TABLE "intervention_syncs" ADD COLUMN "synced_privacy_version" INTEGER;

-- Events written before this migration carry the client's name and notes: rewrite each
-- once under the default settings (the planner finds them not current: no privacy version).
INSERT INTO "sync_jobs" ("id", "integration_id", "intervention_id", "updated_at")
SELECT gen_random_uuid(), "integration_id", "intervention_id", CURRENT_TIMESTAMP FROM "intervention_syncs"
ON CONFLICT ("integration_id", "intervention_id") DO NOTHING;
