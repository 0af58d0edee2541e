-- An erasure finds a person's emails by address (any letter case) or by their record, and a merge
-- moves marketing messages by record: without these, each one read the whole outbox (a million rows
-- after a large campaign), and a retention batch erasing thousands of people read it thousands of
-- times. Expression and partial indexes Prisma's schema cannot describe: keep these if a generated
-- migration tries to drop them.
CREATE INDEX "EmailMessage_to_lower" ON "EmailMessage" (lower("to"));
CREATE INDEX "EmailMessage_customerId" ON "EmailMessage" ("customerId") WHERE "customerId" IS NOT NULL;
