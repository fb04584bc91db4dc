-- Issue 20, point 4: officers cancel an election with a reason (its ballots are destroyed), and a
-- test election's ballots are discarded at close and its results marked as a test.
ALTER TYPE "ElectionPhase" ADD VALUE 'cancelled';
ALTER TABLE "Election" ADD COLUMN "isTest" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Election" ADD COLUMN "cancelledAt" TIMESTAMPTZ(3);
ALTER TABLE "Election" ADD COLUMN "cancelReason" TEXT;
-- Point 5: a candidate who withdraws once voting opened stays in the count as withdrawn (ballots
-- already name them), and the results say so.
ALTER TABLE "Nomination" ADD COLUMN "withdrawnDuringVoting" BOOLEAN NOT NULL DEFAULT false;
-- Point 2: the voter roll published for review before voting opens, and a separate deadline for
-- exception requests (Elekto's `exception_due`).
ALTER TABLE "Election" ADD COLUMN "rollPublishedAt" TIMESTAMPTZ(3);
ALTER TABLE "Election" ADD COLUMN "exceptionDueAt" TIMESTAMPTZ(3);
-- Point 1: a description and a voting guide (markdown) per election.
ALTER TABLE "Election" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Election" ADD COLUMN "votingGuide" TEXT NOT NULL DEFAULT '';
