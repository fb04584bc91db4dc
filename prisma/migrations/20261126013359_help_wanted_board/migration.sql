-- CreateEnum
CREATE TYPE "HelpWantedKind" AS ENUM ('project-liaison', 'foundation-liaison', 'event', 'content', 'review', 'other');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('draft', 'open', 'filled', 'closed');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('invited', 'requested', 'accepted', 'done', 'completed', 'declined', 'withdrawn', 'released');

-- CreateEnum
CREATE TYPE "ClaimUpdateKind" AS ENUM ('progress', 'follow-up');

-- CreateEnum
CREATE TYPE "InitiativeState" AS ENUM ('not-started', 'in-progress', 'complete', 'stale');

-- AlterTable
ALTER TABLE "Tag" ADD COLUMN     "boardReviewedAt" TIMESTAMPTZ(3),
ALTER COLUMN "staleAfterDays" SET DEFAULT 21;

-- CreateTable
CREATE TABLE "HelpWantedItem" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "kind" "HelpWantedKind" NOT NULL,
    "status" "ItemStatus" NOT NULL DEFAULT 'open',
    "skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "effortHours" INTEGER,
    "region" "Region",
    "timezone" TEXT,
    "dueAt" TIMESTAMPTZ(3),
    "places" INTEGER NOT NULL DEFAULT 1,
    "placesTaken" INTEGER NOT NULL DEFAULT 0,
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "githubIssueUrl" TEXT,
    "githubIssueTitle" TEXT,
    "githubIssueState" TEXT,
    "initiativeId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "closedReason" TEXT,

    CONSTRAINT "HelpWantedItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpWantedItemTag" (
    "itemId" UUID NOT NULL,
    "tagId" UUID NOT NULL,

    CONSTRAINT "HelpWantedItemTag_pkey" PRIMARY KEY ("itemId","tagId")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "ClaimStatus" NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "lastActivityAt" TIMESTAMPTZ(3) NOT NULL,
    "staleNotifiedAt" TIMESTAMPTZ(3),
    "evidenceUrl" TEXT,
    "doneAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimUpdate" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "authorId" UUID,
    "kind" "ClaimUpdateKind" NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClaimUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "exitCriteria" TEXT NOT NULL DEFAULT '',
    "sponsorId" UUID,
    "state" "InitiativeState" NOT NULL DEFAULT 'not-started',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "lastCheckInAt" TIMESTAMPTZ(3),

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeParticipant" (
    "initiativeId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "joinedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InitiativeParticipant_pkey" PRIMARY KEY ("initiativeId","userId")
);

-- CreateTable
CREATE TABLE "InitiativeCheckIn" (
    "id" UUID NOT NULL,
    "initiativeId" UUID NOT NULL,
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InitiativeCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "HelpWantedItem_status_createdAt_idx" ON "HelpWantedItem"("status", "createdAt");

-- CreateIndex
CREATE INDEX "HelpWantedItem_status_dueAt_idx" ON "HelpWantedItem"("status", "dueAt");

-- CreateIndex
CREATE INDEX "HelpWantedItem_kind_idx" ON "HelpWantedItem"("kind");

-- CreateIndex
CREATE INDEX "HelpWantedItem_region_idx" ON "HelpWantedItem"("region");

-- CreateIndex
CREATE INDEX "HelpWantedItem_skills_idx" ON "HelpWantedItem" USING GIN ("skills");

-- CreateIndex
CREATE INDEX "HelpWantedItemTag_tagId_idx" ON "HelpWantedItemTag"("tagId");

-- CreateIndex
CREATE INDEX "Claim_itemId_status_idx" ON "Claim"("itemId", "status");

-- CreateIndex
CREATE INDEX "Claim_userId_status_idx" ON "Claim"("userId", "status");

-- CreateIndex
CREATE INDEX "Claim_status_lastActivityAt_idx" ON "Claim"("status", "lastActivityAt");

-- CreateIndex
CREATE INDEX "ClaimUpdate_claimId_createdAt_idx" ON "ClaimUpdate"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "Initiative_tagId_idx" ON "Initiative"("tagId");

-- CreateIndex
CREATE INDEX "InitiativeCheckIn_initiativeId_createdAt_idx" ON "InitiativeCheckIn"("initiativeId", "createdAt");

-- AddForeignKey
ALTER TABLE "HelpWantedItem" ADD CONSTRAINT "HelpWantedItem_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpWantedItemTag" ADD CONSTRAINT "HelpWantedItemTag_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "HelpWantedItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpWantedItemTag" ADD CONSTRAINT "HelpWantedItemTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "HelpWantedItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimUpdate" ADD CONSTRAINT "ClaimUpdate_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeParticipant" ADD CONSTRAINT "InitiativeParticipant_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeCheckIn" ADD CONSTRAINT "InitiativeCheckIn_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search over the board, ranked by relevance (title weighs more than the body).
-- An expression index Prisma does not model; queries use the same expression (lib/help-wanted/search-sql.ts).
CREATE INDEX "HelpWantedItem_search_idx" ON "HelpWantedItem" USING GIN (
  (setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("body", '')), 'B'))
);

-- One live claim per person per item: a second volunteering while one is open is a conflict.
CREATE UNIQUE INDEX "Claim_one_live_per_person" ON "Claim" ("itemId", "userId")
  WHERE "status" IN ('invited', 'requested', 'accepted', 'done');

-- Places taken never exceed places (defence in depth behind the compare-and-swap). A trigger,
-- not a CHECK constraint: the Wasm schema engine cannot introspect CHECK constraints (docs/decisions/004).
CREATE FUNCTION help_wanted_places_guard() RETURNS trigger AS $$
BEGIN
  IF NEW."places" < 1 OR NEW."placesTaken" < 0 OR NEW."placesTaken" > NEW."places" THEN
    RAISE EXCEPTION 'places taken (%) must stay between 0 and places (%)', NEW."placesTaken", NEW."places";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "HelpWantedItem_places_guard"
  BEFORE INSERT OR UPDATE ON "HelpWantedItem"
  FOR EACH ROW EXECUTE FUNCTION help_wanted_places_guard();
