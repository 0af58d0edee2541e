-- CreateEnum
CREATE TYPE "CampaignKind" AS ENUM ('POLICY_NOTICE', 'RECONSENT');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('QUEUING', 'QUEUED');

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "batchId" UUID,
ADD COLUMN     "campaignId" UUID,
ADD COLUMN     "variables" JSONB,
ALTER COLUMN "html" DROP NOT NULL,
ALTER COLUMN "text" DROP NOT NULL;

-- CreateTable
CREATE TABLE "EmailCampaign" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "CampaignKind" NOT NULL,
    "policyVersionId" UUID,
    "subjectVi" TEXT NOT NULL,
    "subjectEn" TEXT NOT NULL,
    "htmlVi" TEXT NOT NULL,
    "htmlEn" TEXT NOT NULL,
    "textVi" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'QUEUING',
    "cursor" UUID,
    "queuedCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMP(3),

    CONSTRAINT "EmailCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailCampaign_status_idx" ON "EmailCampaign"("status");

-- CreateIndex
CREATE INDEX "EmailCampaign_policyVersionId_idx" ON "EmailCampaign"("policyVersionId");

-- CreateIndex
CREATE INDEX "EmailMessage_campaignId_status_idx" ON "EmailMessage"("campaignId", "status");

-- CreateIndex
CREATE INDEX "EmailMessage_batchId_idx" ON "EmailMessage"("batchId");

-- AddForeignKey
ALTER TABLE "EmailCampaign" ADD CONSTRAINT "EmailCampaign_policyVersionId_fkey" FOREIGN KEY ("policyVersionId") REFERENCES "PolicyVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "EmailCampaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;
