-- DropIndex
DROP INDEX "Submission_formId_ip_createdAt_idx";

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "ipKey" TEXT,
ADD COLUMN     "payloadHash" TEXT;

-- CreateIndex
CREATE INDEX "Submission_formId_ipKey_createdAt_idx" ON "Submission"("formId", "ipKey", "createdAt");
