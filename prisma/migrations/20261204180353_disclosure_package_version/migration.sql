-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "exclusionsVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "packageExclusionsVersion" INTEGER NOT NULL DEFAULT 0;
