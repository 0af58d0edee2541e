/*
  Warnings:

  - You are about to drop the column `attachment` on the `Disclosure` table. All the data in the column will be lost.
  - You are about to drop the column `attachmentName` on the `Disclosure` table. All the data in the column will be lost.
  - Added the required column `selection` to the `Disclosure` table without a default value. This is not possible if the table is not empty.

*/
-- CreateEnum
CREATE TYPE "MediaStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'TAKEDOWN_REQUESTED', 'TAKEN_DOWN');

-- AlterEnum
ALTER TYPE "DisclosureStatus" ADD VALUE 'PREPARING';

-- AlterTable
ALTER TABLE "Disclosure" DROP COLUMN "attachment",
DROP COLUMN "attachmentName",
ADD COLUMN     "cursor" UUID,
ADD COLUMN     "itemsIncluded" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "itemsTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "packageFileId" UUID,
ADD COLUMN     "requestFileId" UUID,
ADD COLUMN     "selection" JSONB NOT NULL;

-- CreateTable
CREATE TABLE "MediaItem" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "publishedWhere" TEXT NOT NULL,
    "status" "MediaStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "takedownRequestedAt" TIMESTAMP(3),
    "takedownReason" TEXT,
    "takenDownAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaAppearance" (
    "mediaId" UUID NOT NULL,
    "customerId" UUID NOT NULL,

    CONSTRAINT "MediaAppearance_pkey" PRIMARY KEY ("mediaId","customerId")
);

-- CreateIndex
CREATE INDEX "MediaAppearance_customerId_idx" ON "MediaAppearance"("customerId");

-- CreateIndex
CREATE INDEX "Disclosure_createdAt_idx" ON "Disclosure"("createdAt");

-- AddForeignKey
ALTER TABLE "MediaAppearance" ADD CONSTRAINT "MediaAppearance_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "MediaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaAppearance" ADD CONSTRAINT "MediaAppearance_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
