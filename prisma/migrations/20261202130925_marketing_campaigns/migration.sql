-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('DELIVERED', 'DELAYED', 'BOUNCED', 'COMPLAINED');

-- CreateEnum
CREATE TYPE "SuppressionReason" AS ENUM ('UNSUBSCRIBED', 'HARD_BOUNCE', 'COMPLAINT');

-- AlterEnum
ALTER TYPE "CampaignKind" ADD VALUE 'MARKETING';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CampaignStatus" ADD VALUE 'DRAFT';
ALTER TYPE "CampaignStatus" ADD VALUE 'SCHEDULED';
ALTER TYPE "CampaignStatus" ADD VALUE 'PAUSED';
ALTER TYPE "CampaignStatus" ADD VALUE 'CANCELLED';

-- AlterEnum
ALTER TYPE "ConsentSource" ADD VALUE 'UNSUBSCRIBE';

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "marketingDailyLimit" INTEGER;

-- AlterTable
ALTER TABLE "EmailCampaign" ADD COLUMN     "audience" JSONB,
ADD COLUMN     "bodyEn" TEXT,
ADD COLUMN     "bodyVi" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "excluded" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "name" TEXT,
ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "purposeId" UUID,
ADD COLUMN     "scannedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scheduledAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "consentEventId" UUID,
ADD COLUMN     "customerId" UUID,
ADD COLUMN     "delivery" "DeliveryStatus",
ADD COLUMN     "deliveryAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Suppression" (
    "emailHash" TEXT NOT NULL,
    "reason" "SuppressionReason" NOT NULL,
    "messageId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("emailHash")
);

-- CreateTable
CREATE TABLE "DeliveryEvent" (
    "svixId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "providerId" TEXT,
    "occurredAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "messageId" UUID,

    CONSTRAINT "DeliveryEvent_pkey" PRIMARY KEY ("svixId")
);

-- AddForeignKey
ALTER TABLE "EmailCampaign" ADD CONSTRAINT "EmailCampaign_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Delivery reports find their message by the provider's id; marketing sends are counted per customer
-- for the daily cap. Partial, so queuing a campaign (rows without either yet) adds no index entries.
-- Keep these if a generated migration tries to drop them.
CREATE INDEX "EmailMessage_providerId" ON "EmailMessage" ("providerId") WHERE "providerId" IS NOT NULL;
CREATE INDEX "EmailMessage_marketing_sent" ON "EmailMessage" ("customerId", "sentAt") WHERE "customerId" IS NOT NULL AND "sentAt" IS NOT NULL;

-- The suppression list's key for an address: the one SQL definition, used by the guard's queries and
-- the trigger below (its TypeScript twin is emailHash in lib/campaigns/mutations/guard.ts; a test
-- proves they agree).
CREATE FUNCTION email_hash(address text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT encode(sha256(convert_to(lower(trim(address)), 'UTF8')), 'hex') $$;

-- An unsubscribe stands until the person themself agrees again to a marketing purpose (on a form,
-- confirmed by email, or on their privacy page): then their address leaves the suppression list.
-- Bounces and spam complaints stay.
CREATE FUNCTION lift_unsubscribe() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.action = 'GRANTED' AND NEW.source IN ('FORM', 'SELF_SERVICE')
     AND EXISTS (SELECT 1 FROM "Purpose" p WHERE p.id = NEW."purposeId" AND p.key IN ('promotions_events', 'advertising')) THEN
    DELETE FROM "Suppression" x USING "Customer" c
    WHERE c.id = NEW."customerId" AND c.email IS NOT NULL AND x.reason = 'UNSUBSCRIBED'
      AND x."emailHash" = email_hash(c.email);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ConsentEvent_lift_unsubscribe" AFTER INSERT ON "ConsentEvent" FOR EACH ROW EXECUTE FUNCTION lift_unsubscribe();
