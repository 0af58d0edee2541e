-- CreateTable
CREATE TABLE "PurposeVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "purposeId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "labelVi" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "descriptionVi" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurposeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PurposeVersion_purposeId_number_key" ON "PurposeVersion"("purposeId", "number");

-- AddForeignKey
ALTER TABLE "PurposeVersion" ADD CONSTRAINT "PurposeVersion_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurposeVersion" ADD CONSTRAINT "PurposeVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: today's wording of every purpose becomes its first version.
INSERT INTO "PurposeVersion" ("purposeId", "number", "labelVi", "labelEn", "descriptionVi", "descriptionEn")
SELECT "id", 1, "labelVi", "labelEn", "descriptionVi", "descriptionEn" FROM "Purpose";
