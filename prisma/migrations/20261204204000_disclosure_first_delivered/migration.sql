-- When a disclosure's package first went out. A customer left out of it after that (objected,
-- withdrew) was in what the recipient already holds: they stay listed as shared with that recipient,
-- and the recipient is still told of a later objection or erasure.
-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "firstDeliveredAt" TIMESTAMP(3);

-- Packages handed out before this column: the first recorded download.
UPDATE "Disclosure" d SET "firstDeliveredAt" = a.first
FROM (SELECT "entityId", min("createdAt") AS first FROM "AuditEvent"
      WHERE action = 'disclosure.downloaded' AND "entityType" = 'Disclosure' GROUP BY "entityId") a
WHERE d.status = 'DELIVERED' AND a."entityId" = d.id::text;
