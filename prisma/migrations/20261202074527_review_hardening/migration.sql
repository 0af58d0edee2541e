-- AlterTable
ALTER TABLE "Breach" ADD COLUMN     "authorityRecordedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CustomerKey" ADD COLUMN     "mergedIntoId" UUID;

-- AlterTable
ALTER TABLE "PrivacyRequest" ADD COLUMN     "extensionUnit" "DeadlineUnit";

-- CreateIndex
CREATE INDEX "CustomerKey_mergedIntoId_idx" ON "CustomerKey"("mergedIntoId");
