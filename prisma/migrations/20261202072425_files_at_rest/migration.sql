-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "keyCustomerId" UUID,
ADD COLUMN     "sealed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "FileKey" (
    "attachmentId" UUID NOT NULL,
    "key" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FileKey_pkey" PRIMARY KEY ("attachmentId")
);

-- AddForeignKey
ALTER TABLE "FileKey" ADD CONSTRAINT "FileKey_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
