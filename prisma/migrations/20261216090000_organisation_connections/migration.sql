-- CreateEnum
CREATE TYPE "IntegrationKind" AS ENUM ('PERSONAL', 'ORGANISATION');

-- AlterTable
ALTER TABLE "calendar_integrations" ADD COLUMN "kind" "IntegrationKind" NOT NULL DEFAULT 'PERSONAL',
ADD COLUMN "superseded_account_email" TEXT;

-- CreateTable
CREATE TABLE "organisation_connections" (
    "provider" "CalendarProvider" NOT NULL,
    "status" "IntegrationStatus" NOT NULL DEFAULT 'NOT_CONNECTED',
    "tenant" TEXT,
    "secret_encrypted" TEXT,
    "cover_all" BOOLEAN NOT NULL DEFAULT true,
    "covered_user_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "calendar_name" TEXT,
    "unreachable" JSONB NOT NULL DEFAULT '{}',
    "last_error" TEXT,
    "connected_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisation_connections_pkey" PRIMARY KEY ("provider")
);
