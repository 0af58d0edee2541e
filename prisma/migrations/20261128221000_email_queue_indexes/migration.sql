-- Partial indexes for the two outbox queues, so claiming work stays a short index scan when a
-- policy notice has put a million campaign messages in the table (without them each claim sorted
-- every queued row: about 2 s per batch of 100 at a million).

-- Transactional messages (sign-in links, confirmations): due first.
CREATE INDEX "EmailMessage_transactional_due" ON "EmailMessage" ("nextAttemptAt")
  WHERE status = 'QUEUED' AND "campaignId" IS NULL;

-- Campaign messages not yet in a batch, in the order they are batched.
CREATE INDEX "EmailMessage_campaign_unbatched" ON "EmailMessage" ("campaignId", id)
  WHERE status = 'QUEUED' AND "batchId" IS NULL AND "campaignId" IS NOT NULL;

-- Batches still queued (in flight or waiting for a retry): a handful of rows at any time.
CREATE INDEX "EmailMessage_batch_queued" ON "EmailMessage" ("batchId")
  WHERE status = 'QUEUED' AND "batchId" IS NOT NULL;

-- Marking a sent batch stamps its notices by message id.
CREATE INDEX "PolicyNotice_emailMessageId_idx" ON "PolicyNotice"("emailMessageId");
