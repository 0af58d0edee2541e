/*
  Warnings:

  - A unique constraint covering the columns `[number]` on the table `PrivacyRequest` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "ErasureBatchStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED');

-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'CANCELLED';

-- AlterEnum
ALTER TYPE "PrivacyRequestType" ADD VALUE 'GRANT_CONSENT';

-- AlterEnum
ALTER TYPE "PrivacyRequestStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "legalHoldSetAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "eraseAfterSend" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PrivacyRequest" ADD COLUMN     "attachmentId" UUID,
ADD COLUMN     "extendedAt" TIMESTAMP(3),
ADD COLUMN     "involvesThirdParty" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "number" SERIAL NOT NULL,
ADD COLUMN     "purposeKey" TEXT;

-- CreateTable
CREATE TABLE "CustomerKey" (
    "customerId" UUID NOT NULL,
    "key" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerKey_pkey" PRIMARY KEY ("customerId")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "CustomerSession" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tokenHash" TEXT NOT NULL,
    "customerId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInRequest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "identifier" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'vi',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErasureBatch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customerIds" UUID[],
    "status" "ErasureBatchStatus" NOT NULL DEFAULT 'QUEUED',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "erased" INTEGER NOT NULL DEFAULT 0,
    "skipped" JSONB NOT NULL DEFAULT '[]',
    "confirmedById" UUID NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ErasureBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CustomerSession_tokenHash_key" ON "CustomerSession"("tokenHash");

-- CreateIndex
CREATE INDEX "CustomerSession_customerId_idx" ON "CustomerSession"("customerId");

-- CreateIndex
CREATE INDEX "CustomerSession_expiresAt_idx" ON "CustomerSession"("expiresAt");

-- CreateIndex
CREATE INDEX "ErasureBatch_status_idx" ON "ErasureBatch"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyRequest_number_key" ON "PrivacyRequest"("number");

-- CreateIndex
CREATE INDEX "PrivacyRequest_receivedAt_idx" ON "PrivacyRequest"("receivedAt");

-- AddForeignKey
ALTER TABLE "CustomerSession" ADD CONSTRAINT "CustomerSession_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErasureBatch" ADD CONSTRAINT "ErasureBatch_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below.

-- Erasure may strip what identifies a person from consent evidence (IP address, browser, free-text
-- notes) — only that, only to empty, and only inside lib/privacy-requests' erasure (which sets the
-- flag and audits it). What was agreed, to which purpose, when and under which policy never changes.
CREATE OR REPLACE FUNCTION reject_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested IFs: the ConsentEvent columns may only be read when the row is a ConsentEvent.
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'ConsentEvent' THEN
    IF current_setting('customer_register.merging', true) = 'on'
       AND (to_jsonb(NEW) - 'customerId') = (to_jsonb(OLD) - 'customerId') THEN
      RETURN NEW;
    END IF;
    IF current_setting('customer_register.erasing', true) = 'on'
       AND (to_jsonb(NEW) - 'ip' - 'userAgent' - 'evidence') = (to_jsonb(OLD) - 'ip' - 'userAgent' - 'evidence')
       AND to_jsonb(NEW) ->> 'ip' IS NULL AND to_jsonb(NEW) ->> 'userAgent' IS NULL
       AND NOT coalesce((to_jsonb(NEW) -> 'evidence') ?| ARRAY['ip', 'userAgent', 'note'], false) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Vietnamese public holidays for 2026 and 2027 as announced in advance (weekdays off, including
-- compensatory days; Tết: the weekdays of the official break). ADMIN keeps this list current in
-- /admin/settings/holidays: check it each year against the government's announcement.
INSERT INTO "Holiday" (date, name) VALUES
  ('2026-01-01', 'Tết Dương lịch'),
  ('2026-02-16', 'Tết Nguyên Đán'), ('2026-02-17', 'Tết Nguyên Đán'), ('2026-02-18', 'Tết Nguyên Đán'),
  ('2026-02-19', 'Tết Nguyên Đán'), ('2026-02-20', 'Tết Nguyên Đán'),
  ('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
  ('2026-04-30', 'Ngày Giải phóng miền Nam'), ('2026-05-01', 'Quốc tế Lao động'),
  ('2026-09-01', 'Quốc khánh'), ('2026-09-02', 'Quốc khánh'),
  ('2027-01-01', 'Tết Dương lịch'),
  ('2027-02-04', 'Tết Nguyên Đán'), ('2027-02-05', 'Tết Nguyên Đán'), ('2027-02-08', 'Tết Nguyên Đán'),
  ('2027-02-09', 'Tết Nguyên Đán'), ('2027-02-10', 'Tết Nguyên Đán'),
  ('2027-04-16', 'Giỗ Tổ Hùng Vương'),
  ('2027-04-30', 'Ngày Giải phóng miền Nam'), ('2027-05-03', 'Quốc tế Lao động (nghỉ bù)'),
  ('2027-09-02', 'Quốc khánh'), ('2027-09-03', 'Quốc khánh');

-- The last email to an erased customer ("your data has been erased") needs their address until it
-- has gone. Whichever path marks it handled (sent, captured, given up, cancelled), its address and
-- body are wiped in the same statement.
CREATE FUNCTION email_wipe_after_send() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."to" := '';
  NEW.html := NULL;
  NEW.text := NULL;
  NEW.variables := NULL;
  RETURN NEW;
END
$$;

CREATE TRIGGER "EmailMessage_wipe_after_send" BEFORE UPDATE ON "EmailMessage"
  FOR EACH ROW WHEN (NEW."eraseAfterSend" AND NEW.status::text <> 'QUEUED')
  EXECUTE FUNCTION email_wipe_after_send();
