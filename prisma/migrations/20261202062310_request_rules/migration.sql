-- CreateEnum
CREATE TYPE "DeadlineUnit" AS ENUM ('WORKING_DAYS', 'CALENDAR_DAYS', 'HOURS');

-- AlterTable
ALTER TABLE "PrivacyRequest" ADD COLUMN     "extensionDays" INTEGER,
ADD COLUMN     "rule" JSONB;

-- Hand-written: requests received before the rules table keep the clock they were told (2 working
-- days to acknowledge, 15 to complete, 20 with a third party, one extension of up to 15).
UPDATE "PrivacyRequest" SET "rule" = jsonb_build_object(
  'type', "type"::text, 'acknowledgePeriod', 2, 'acknowledgeUnit', 'WORKING_DAYS', 'completePeriod', 15,
  'completeUnit', 'WORKING_DAYS', 'thirdPartyPeriod', 20, 'extensionPeriod', 15, 'version', 0,
  'legalReference', 'Quy tắc cố định trước bảng thời hạn · Fixed clock before the rules table');
ALTER TABLE "PrivacyRequest" ALTER COLUMN "rule" SET NOT NULL;

-- CreateTable
CREATE TABLE "RequestRule" (
    "type" "PrivacyRequestType" NOT NULL,
    "acknowledgePeriod" INTEGER NOT NULL,
    "acknowledgeUnit" "DeadlineUnit" NOT NULL,
    "completePeriod" INTEGER NOT NULL,
    "completeUnit" "DeadlineUnit" NOT NULL,
    "thirdPartyPeriod" INTEGER,
    "extensionPeriod" INTEGER NOT NULL,
    "legalReference" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "changeReason" TEXT,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestRule_pkey" PRIMARY KEY ("type")
);

-- CreateTable
CREATE TABLE "RequestDeadlineChange" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "cause" TEXT NOT NULL,
    "reason" TEXT,
    "previousAcknowledgeDueAt" TIMESTAMP(3) NOT NULL,
    "acknowledgeDueAt" TIMESTAMP(3) NOT NULL,
    "previousDueAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "previousExtendedDueAt" TIMESTAMP(3),
    "extendedDueAt" TIMESTAMP(3),
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestDeadlineChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RequestDeadlineChange_requestId_createdAt_idx" ON "RequestDeadlineChange"("requestId", "createdAt");

-- AddForeignKey
ALTER TABLE "RequestDeadlineChange" ADD CONSTRAINT "RequestDeadlineChange_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "PrivacyRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the periods are positive, and a third party never shortens the clock. (A trigger,
-- not a CHECK constraint: the WebAssembly schema engine cannot describe CHECK constraints, and
-- would fail to diff the next migration.)
CREATE FUNCTION request_rule_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."acknowledgePeriod" <= 0 OR NEW."completePeriod" <= 0 OR NEW."extensionPeriod" < 0
     OR (NEW."thirdPartyPeriod" IS NOT NULL AND NEW."thirdPartyPeriod" < NEW."completePeriod") THEN
    RAISE EXCEPTION 'request rule %: periods must be positive and a third party may not shorten the clock', NEW.type
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER request_rule_valid BEFORE INSERT OR UPDATE ON "RequestRule" FOR EACH ROW EXECUTE FUNCTION request_rule_valid();

-- The rules as we read Decree 356/2025/ND-CP, Article 5 (in force 2026-01-01). Where the summaries
-- we could check say "working days" the row counts working days; where they say only "days", the
-- earlier reading (calendar days, Civil Code counting) is used. docs/legal-clock.md has the sources.
INSERT INTO "RequestRule" ("type", "acknowledgePeriod", "acknowledgeUnit", "completePeriod", "completeUnit", "thirdPartyPeriod", "extensionPeriod", "legalReference") VALUES
  ('ACCESS', 2, 'WORKING_DAYS', 10, 'WORKING_DAYS', NULL, 15, 'Nghị định 356/2025/NĐ-CP, Điều 5 — cung cấp dữ liệu: 10 ngày làm việc · Decree 356/2025/ND-CP, Art. 5 — access: 10 working days'),
  ('EXPORT', 2, 'WORKING_DAYS', 10, 'WORKING_DAYS', NULL, 15, 'Nghị định 356/2025/NĐ-CP, Điều 5 — cung cấp dữ liệu: 10 ngày làm việc · Decree 356/2025/ND-CP, Art. 5 — providing data: 10 working days'),
  ('RECTIFY', 2, 'WORKING_DAYS', 10, 'WORKING_DAYS', NULL, 15, 'Nghị định 356/2025/NĐ-CP, Điều 5 — chỉnh sửa dữ liệu: 10 ngày làm việc · Decree 356/2025/ND-CP, Art. 5 — correction: 10 working days'),
  ('GRANT_CONSENT', 2, 'WORKING_DAYS', 15, 'CALENDAR_DAYS', NULL, 15, 'Nghị định 356/2025/NĐ-CP, Điều 5 — thay đổi sự đồng ý: 15 ngày · Decree 356/2025/ND-CP, Art. 5 — change of consent: 15 days'),
  ('WITHDRAW_CONSENT', 2, 'WORKING_DAYS', 15, 'CALENDAR_DAYS', 20, 15, 'Nghị định 356/2025/NĐ-CP, Điều 5 — rút lại sự đồng ý: 15 ngày, 20 ngày nếu bên xử lý/bên thứ ba phải dừng · Decree 356/2025/ND-CP, Art. 5 — withdrawal of consent: 15 days, 20 if a processor or third party must stop'),
  ('STOP_SHARING', 2, 'WORKING_DAYS', 15, 'CALENDAR_DAYS', 20, 15, 'Nghị định 356/2025/NĐ-CP, Điều 5 — phản đối, hạn chế xử lý: 15 ngày, 20 ngày nếu bên xử lý/bên thứ ba phải dừng · Decree 356/2025/ND-CP, Art. 5 — objection or restriction: 15 days, 20 if a processor or third party must stop'),
  ('DELETE', 2, 'WORKING_DAYS', 20, 'CALENDAR_DAYS', NULL, 15, 'Nghị định 356/2025/NĐ-CP, Điều 5 — xóa dữ liệu: 20 ngày · Decree 356/2025/ND-CP, Art. 5 — deletion: 20 days');
