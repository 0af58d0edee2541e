-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "doneBatches" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- Batches (1 000 rows, in file order) are now recorded one by one, since two may run at once. An
-- import part-way through at the upgrade had done its first processedRows / 1 000 batches, in order.
UPDATE "ImportJob" SET "doneBatches" = ARRAY(SELECT generate_series(0, "processedRows" / 1000 - 1))
WHERE status IN ('QUEUED', 'RUNNING') AND "processedRows" >= 1000;
