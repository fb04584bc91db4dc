-- Issue 18, point 13: notices of a kind set to the weekly digest wait, in the app as by mail, until
-- the digest goes out.
ALTER TABLE "Notification" ADD COLUMN "heldForDigest" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "Notification_heldForDigest_userId_idx" ON "Notification"("heldForDigest", "userId");
