-- Two-way sync push channels: one provider watch (Google events.watch channel, Graph
-- subscription) per two-way integration, its secret stored hashed, claimed for creation,
-- renewal and removal like the pulls.
-- CreateEnum
CREATE TYPE "WatchChannelState" AS ENUM ('pending', 'active', 'refused', 'stopping');

-- CreateTable
CREATE TABLE "watch_channels" (
    "integration_id" UUID NOT NULL,
    "calendar_id" TEXT NOT NULL,
    "state" "WatchChannelState" NOT NULL DEFAULT 'pending',
    "channel_id" TEXT,
    "resource_id" TEXT,
    "secret_hash" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "revision" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "watch_channels_pkey" PRIMARY KEY ("integration_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "watch_channels_channel_id_key" ON "watch_channels"("channel_id");

-- CreateIndex
CREATE INDEX "watch_channels_due_at_idx" ON "watch_channels"("due_at");

-- AddForeignKey
ALTER TABLE "watch_channels" ADD CONSTRAINT "watch_channels_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "calendar_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
