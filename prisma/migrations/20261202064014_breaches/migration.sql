-- CreateEnum
CREATE TYPE "BreachStatus" AS ENUM ('OPEN', 'AUTHORITY_NOTIFIED', 'CLOSED');

-- CreateEnum
CREATE TYPE "BreachNoticeChannel" AS ENUM ('PORTAL', 'EMAIL', 'LETTER', 'IN_PERSON');

-- CreateTable
CREATE TABLE "Breach" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "occurredAt" TIMESTAMP(3),
    "description" TEXT NOT NULL,
    "dataCategories" TEXT[],
    "otherCategories" TEXT NOT NULL DEFAULT '',
    "approxSubjects" INTEGER NOT NULL,
    "consequences" TEXT NOT NULL,
    "measures" TEXT NOT NULL,
    "handlerId" UUID NOT NULL,
    "status" "BreachStatus" NOT NULL DEFAULT 'OPEN',
    "authorityNotifiedAt" TIMESTAMP(3),
    "authorityChannel" "BreachNoticeChannel",
    "authorityReference" TEXT,
    "lateReason" TEXT,
    "customerNoticeVi" TEXT NOT NULL DEFAULT '',
    "customerNoticeEn" TEXT NOT NULL DEFAULT '',
    "closedAt" TIMESTAMP(3),
    "closingNote" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Breach_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreachCustomer" (
    "breachId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMP(3),
    "emailMessageId" UUID,

    CONSTRAINT "BreachCustomer_pkey" PRIMARY KEY ("breachId","customerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Breach_number_key" ON "Breach"("number");

-- CreateIndex
CREATE INDEX "Breach_status_detectedAt_idx" ON "Breach"("status", "detectedAt");

-- CreateIndex
CREATE INDEX "BreachCustomer_customerId_idx" ON "BreachCustomer"("customerId");

-- AddForeignKey
ALTER TABLE "Breach" ADD CONSTRAINT "Breach_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreachCustomer" ADD CONSTRAINT "BreachCustomer_breachId_fkey" FOREIGN KEY ("breachId") REFERENCES "Breach"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreachCustomer" ADD CONSTRAINT "BreachCustomer_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
