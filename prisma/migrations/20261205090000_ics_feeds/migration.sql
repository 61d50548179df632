-- A technician's private ICS feed: one row per technician, only the hash of the URL token.
-- CreateTable
CREATE TABLE "ics_feeds" (
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ics_feeds_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ics_feeds_token_hash_key" ON "ics_feeds"("token_hash");

-- AddForeignKey
ALTER TABLE "ics_feeds" ADD CONSTRAINT "ics_feeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
