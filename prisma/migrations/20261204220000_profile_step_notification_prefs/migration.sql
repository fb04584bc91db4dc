-- Issue 18: the first sign-in profile step, notification preferences per kind (with their weekly
-- digest), and edits of a progress update within 24 hours.
ALTER TABLE "User" ADD COLUMN "profileStepAt" TIMESTAMPTZ(3);
ALTER TABLE "User" ADD COLUMN "notificationPrefs" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "User" ADD COLUMN "notificationDigestAt" TIMESTAMPTZ(3);
ALTER TABLE "ClaimUpdate" ADD COLUMN "editedAt" TIMESTAMPTZ(3);
-- People who already use the portal are past their first sign-in.
UPDATE "User" SET "profileStepAt" = "createdAt" WHERE "claimedAt" IS NOT NULL;
