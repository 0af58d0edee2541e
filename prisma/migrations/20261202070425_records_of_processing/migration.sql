-- CreateEnum
CREATE TYPE "RecordDocumentKind" AS ENUM ('IMPACT_ASSESSMENT', 'TRANSFER_ASSESSMENT');

-- CreateTable
CREATE TABLE "Processor" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "serviceVi" TEXT NOT NULL,
    "serviceEn" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "dataCategories" TEXT[],
    "contractRef" TEXT NOT NULL,
    "since" DATE NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Processor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordDocument" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "RecordDocumentKind" NOT NULL,
    "processorId" UUID,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecordDocument_kind_processorId_version_key" ON "RecordDocument"("kind", "processorId", "version");

-- AddForeignKey
ALTER TABLE "RecordDocument" ADD CONSTRAINT "RecordDocument_processorId_fkey" FOREIGN KEY ("processorId") REFERENCES "Processor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the processors every installation has. Resend delivers email from outside Vietnam
-- (a cross-border transfer); the app itself runs on the company's own server unless it says otherwise.
INSERT INTO "Processor" ("name", "serviceVi", "serviceEn", "location", "country", "dataCategories", "contractRef", "since", "updatedAt") VALUES
  ('Resend, Inc.', 'Gửi email (thông báo dịch vụ, xác nhận, chiến dịch)', 'Email delivery (service notices, confirmations, campaigns)',
   'San Francisco, Hoa Kỳ / United States', 'US', ARRAY['fullName', 'email'], 'Resend Terms of Service and Data Processing Addendum', '2026-01-01', now()),
  ('Máy chủ tại trụ sở / On-premises hosting', 'Lưu trữ và vận hành ứng dụng, cơ sở dữ liệu', 'Hosting the application and its database',
   'Hà Nội, Việt Nam / Hanoi, Vietnam', 'VN', ARRAY['fullName', 'phone', 'email', 'address', 'organization', 'consent'], 'Nội bộ / In-house', '2026-01-01', now());
