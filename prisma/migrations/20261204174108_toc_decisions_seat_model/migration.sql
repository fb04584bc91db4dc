-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('appointment', 'election-result', 'removal', 'role-change', 'seat-end', 'renewal');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('open', 'approved', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "DecisionChoice" AS ENUM ('yes', 'no', 'abstain');

-- AlterEnum
ALTER TYPE "LeadershipModel" ADD VALUE 'both';

-- AlterTable
ALTER TABLE "RoleDefinition" ADD COLUMN     "coverHasPowers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "emeritusAfterTerm" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "retiredAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Tag" ADD COLUMN     "tocLiaisonIds" BIGINT[] DEFAULT ARRAY[]::BIGINT[];

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

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "tagId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "status" "DecisionStatus" NOT NULL DEFAULT 'open',
    "thresholdShare" DOUBLE PRECISION NOT NULL,
    "thresholdMoreThan" BOOLEAN NOT NULL,
    "thresholdBase" TEXT NOT NULL,
    "quorumShare" DOUBLE PRECISION,
    "quorumMoreThan" BOOLEAN NOT NULL DEFAULT true,
    "openedById" UUID,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "announcedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "externalLink" TEXT,
    "recordedById" UUID,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionElector" (
    "decisionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "recusal" TEXT,
    "recusalNote" TEXT,
    "recusedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DecisionElector_pkey" PRIMARY KEY ("decisionId","userId")
);

-- CreateTable
CREATE TABLE "DecisionVote" (
    "decisionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "choice" "DecisionChoice" NOT NULL,
    "castAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DecisionVote_pkey" PRIMARY KEY ("decisionId","userId")
);

-- CreateTable
CREATE TABLE "DecisionRule" (
    "version" INTEGER NOT NULL,
    "threshold" TEXT NOT NULL DEFAULT 'more-than-half',
    "base" TEXT NOT NULL DEFAULT 'members',
    "periodDays" INTEGER NOT NULL DEFAULT 7,
    "quorum" TEXT NOT NULL DEFAULT 'more-than-half',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID,

    CONSTRAINT "DecisionRule_pkey" PRIMARY KEY ("version")
);

-- CreateIndex
CREATE UNIQUE INDEX "TagSettingsVersion_tagId_version_key" ON "TagSettingsVersion"("tagId", "version");

-- CreateIndex
CREATE INDEX "Decision_status_closesAt_idx" ON "Decision"("status", "closesAt");

-- CreateIndex
CREATE INDEX "Decision_tagId_status_idx" ON "Decision"("tagId", "status");

-- CreateIndex
CREATE INDEX "Decision_subjectId_idx" ON "Decision"("subjectId");

-- CreateIndex
CREATE INDEX "DecisionElector_userId_idx" ON "DecisionElector"("userId");

-- AddForeignKey
ALTER TABLE "TagSettingsVersion" ADD CONSTRAINT "TagSettingsVersion_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionElector" ADD CONSTRAINT "DecisionElector_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionVote" ADD CONSTRAINT "DecisionVote_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data (hand-written, issue 15): every TAG has Chair and Tech Lead role definitions, with the
-- defaults of lib/roles/leadership-roles.ts; TAGs with subproject leads get a Subproject lead role.
INSERT INTO "RoleDefinition" ("id", "tagId", "roleKey", "version", "name", "kind", "termMonths", "selection", "escalationPath", "needsTocApproval", "createdAt")
SELECT gen_random_uuid(), t."id", gen_random_uuid(), 1, 'Chair', 'chair', 24, 'appointment', 'the TOC', true, now()
FROM "Tag" t
WHERE NOT EXISTS (SELECT 1 FROM "RoleDefinition" d WHERE d."tagId" = t."id" AND d."kind" = 'chair' AND d."supersededAt" IS NULL);

INSERT INTO "RoleDefinition" ("id", "tagId", "roleKey", "version", "name", "kind", "termMonths", "selection", "escalationPath", "needsTocApproval", "createdAt")
SELECT gen_random_uuid(), t."id", gen_random_uuid(), 1, 'Tech Lead', 'tech-lead', 24, t."leadershipModel", 'the TOC', true, now()
FROM "Tag" t
WHERE NOT EXISTS (SELECT 1 FROM "RoleDefinition" d WHERE d."tagId" = t."id" AND d."kind" = 'tech-lead' AND d."supersededAt" IS NULL);

INSERT INTO "RoleDefinition" ("id", "tagId", "roleKey", "version", "name", "kind", "termMonths", "selection", "escalationPath", "needsTocApproval", "createdAt")
SELECT gen_random_uuid(), t."id", gen_random_uuid(), 1, 'Subproject lead', 'subproject-lead', 12, 'appointment', 'the TAG''s chairs', false, now()
FROM "Tag" t
WHERE EXISTS (SELECT 1 FROM "RoleAssignment" a WHERE a."tagId" = t."id" AND a."kind" = 'subproject-lead' AND a."roleDefinitionId" IS NULL)
  AND NOT EXISTS (SELECT 1 FROM "RoleDefinition" d WHERE d."tagId" = t."id" AND d."kind" = 'subproject-lead' AND d."supersededAt" IS NULL);

-- Seats given outside any definition join the TAG's one current definition of their kind.
UPDATE "RoleAssignment" a
SET "roleDefinitionId" = d."id"
FROM "RoleDefinition" d
WHERE a."roleDefinitionId" IS NULL
  AND d."tagId" = a."tagId" AND d."kind" = a."kind" AND d."supersededAt" IS NULL
  AND (SELECT count(*) FROM "RoleDefinition" x WHERE x."tagId" = a."tagId" AND x."kind" = a."kind" AND x."supersededAt" IS NULL) = 1;

-- Data (hand-written, issue 15): TOC liaisons are kept by GitHub id; a login nobody here holds
-- keeps id 0 (shown by its login as written).
UPDATE "Tag" t
SET "tocLiaisonIds" = ARRAY(
  SELECT COALESCE((SELECT u."githubId" FROM "User" u WHERE lower(u."login") = lower(l.login) ORDER BY u."updatedAt" DESC LIMIT 1), 0)
  FROM unnest(t."tocLiaisons") WITH ORDINALITY AS l(login, n)
  ORDER BY l.n
)
WHERE cardinality(t."tocLiaisons") > 0;

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

-- Hand-written (issue 15, docs/decisions/011): audit events stay append-only, with one exception.
-- Deleting an account rewrites the person's login out of `before` and `after` (JSON strings equal
-- to the login or @login become "deleted account"), inside the deletion's transaction, which names
-- the login in the transaction-local setting tagportal.forget_login. The trigger itself computes
-- the rewrite from the old row, so such an UPDATE can change nothing else.
CREATE FUNCTION audit_forget_login(j jsonb, login text) RETURNS jsonb AS $$
  SELECT CASE WHEN j IS NULL THEN NULL
              ELSE regexp_replace(j::text, '"@?' || login || '"', '"deleted account"', 'gi')::jsonb END
$$ LANGUAGE sql IMMUTABLE;

CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
DECLARE
  forget text := coalesce(current_setting('tagportal.forget_login', true), '');
BEGIN
  IF TG_OP = 'UPDATE' AND forget <> '' THEN
    IF forget !~ '^[A-Za-z0-9-]{1,39}$' THEN
      RAISE EXCEPTION 'tagportal.forget_login is not a GitHub login';
    END IF;
    NEW := OLD;
    NEW."before" := audit_forget_login(OLD."before", forget);
    NEW."after" := audit_forget_login(OLD."after", forget);
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only';
END;
$$ LANGUAGE plpgsql;
