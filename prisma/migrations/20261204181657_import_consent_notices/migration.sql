-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "noticesAfter" UUID,
ADD COLUMN     "noticesPending" BOOLEAN NOT NULL DEFAULT false;

-- The consent an import recorded, found per import and customer for its notices (hand-written:
-- Prisma's schema cannot describe an expression index; keep it if a generated migration drops it).
CREATE INDEX "ConsentEvent_import" ON "ConsentEvent" ((evidence ->> 'import'), "customerId") WHERE source = 'IMPORT';
