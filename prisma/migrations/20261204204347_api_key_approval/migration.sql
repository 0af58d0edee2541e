-- A key that reaches personal data works only once a compliance officer approved it.
-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" UUID;

-- Keys made before this rule keep working: each was made known to the compliance officers by email
-- when it was made (they can revoke it on the approvals page).
UPDATE "ApiKey" SET "approvedAt" = "createdAt";
