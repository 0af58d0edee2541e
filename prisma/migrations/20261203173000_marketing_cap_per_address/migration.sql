-- The daily cap on advertising email counts per address (Decree 91/2020 speaks of the recipient's
-- address), not per customer record: two records sharing a mailbox share its cap, and a campaign
-- reaches a mailbox once. Partial like the index it replaces, so queuing adds no index entries.
-- Keep this if a generated migration tries to drop it.
DROP INDEX IF EXISTS "EmailMessage_marketing_sent";
CREATE INDEX "EmailMessage_marketing_address" ON "EmailMessage" (lower("to"), "sentAt") WHERE "customerId" IS NOT NULL AND "sentAt" IS NOT NULL;
