-- AlterEnum
ALTER TYPE "LeadershipModel" ADD VALUE 'both';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "TagSettingsVersion" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "changed" TEXT[],
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID,

    CONSTRAINT "TagSettingsVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TagSettingsVersion_tagId_version_key" ON "TagSettingsVersion"("tagId", "version");

-- AddForeignKey
ALTER TABLE "TagSettingsVersion" ADD CONSTRAINT "TagSettingsVersion_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (issue 15): every existing TAG's settings as they stand become its version 1.
INSERT INTO "TagSettingsVersion" ("id", "tagId", "version", "settings", "changed", "reason", "createdAt")
SELECT gen_random_uuid(), t."id", 1,
       jsonb_build_object(
         'activityMinRecords', t."activityMinRecords",
         'activityWindowMonths', t."activityWindowMonths",
         'leaveCountsTowardCaps', t."leaveCountsTowardCaps",
         'staleAfterDays', t."staleAfterDays",
         'boardReviewMonths', t."boardReviewMonths",
         'leadershipModel', t."leadershipModel"::text,
         'autoAccept', t."autoAccept",
         'maxActiveClaims', t."maxActiveClaims",
         'removalSupermajority', t."removalSupermajority"),
       ARRAY['activityMinRecords', 'activityWindowMonths', 'leaveCountsTowardCaps', 'staleAfterDays',
             'boardReviewMonths', 'leadershipModel', 'autoAccept', 'maxActiveClaims', 'removalSupermajority'],
       'Settings as they stood when versions began', t."createdAt"
  FROM "Tag" t;
