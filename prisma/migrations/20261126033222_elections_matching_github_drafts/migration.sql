-- CreateEnum
CREATE TYPE "ElectionPhase" AS ENUM ('draft', 'nominations', 'voting', 'closed', 'tallied', 'approved', 'published');

-- CreateEnum
CREATE TYPE "ElectionMethod" AS ENUM ('schulze', 'stv');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "invitedById" UUID;

-- AlterTable
ALTER TABLE "HelpWantedItem" ADD COLUMN     "githubIssueAssignees" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "githubIssueCheckedAt" TIMESTAMPTZ(3),
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'portal';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestOptIn" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "digestSentAt" TIMESTAMPTZ(3),
ADD COLUMN     "matchOptOut" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "preferredKinds" "HelpWantedKind"[] DEFAULT ARRAY[]::"HelpWantedKind"[];

-- CreateTable
CREATE TABLE "RepositorySettings" (
    "repo" TEXT NOT NULL,
    "helpWantedLabels" TEXT[] DEFAULT ARRAY['help wanted', 'help-wanted', 'community/help wanted']::TEXT[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RepositorySettings_pkey" PRIMARY KEY ("repo")
);

-- CreateTable
CREATE TABLE "HiddenItem" (
    "userId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HiddenItem_pkey" PRIMARY KEY ("userId","itemId")
);

-- CreateTable
CREATE TABLE "Election" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "roleKey" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "phase" "ElectionPhase" NOT NULL DEFAULT 'draft',
    "method" "ElectionMethod" NOT NULL DEFAULT 'schulze',
    "cycleDate" TIMESTAMPTZ(3) NOT NULL,
    "seatsByRegion" JSONB NOT NULL,
    "staggerTerms" BOOLEAN NOT NULL DEFAULT false,
    "nominationsOpenAt" TIMESTAMPTZ(3) NOT NULL,
    "nominationsCloseAt" TIMESTAMPTZ(3) NOT NULL,
    "votingOpenAt" TIMESTAMPTZ(3) NOT NULL,
    "votingCloseAt" TIMESTAMPTZ(3) NOT NULL,
    "candidateRule" TEXT NOT NULL DEFAULT 'contributions',
    "candidateMinRecords" INTEGER,
    "candidateWindowMonths" INTEGER,
    "endorsementsRequired" INTEGER NOT NULL DEFAULT 0,
    "endorsementEmployers" INTEGER NOT NULL DEFAULT 0,
    "votersIncludeLeaders" BOOLEAN NOT NULL DEFAULT true,
    "voterMinRecords" INTEGER,
    "voterWindowMonths" INTEGER,
    "constraints" JSONB NOT NULL DEFAULT '{}',
    "publishBallots" BOOLEAN NOT NULL DEFAULT false,
    "rulesFrozenAt" TIMESTAMPTZ(3),
    "result" JSONB,
    "eligibleCount" INTEGER,
    "participationCount" INTEGER,
    "ballotCount" INTEGER,
    "runnersUp" UUID[] DEFAULT ARRAY[]::UUID[],
    "sentBackReason" TEXT,
    "approvedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Election_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionOfficer" (
    "electionId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "ElectionOfficer_pkey" PRIMARY KEY ("electionId","userId")
);

-- CreateTable
CREATE TABLE "ElectionVoter" (
    "electionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "ElectionVoter_pkey" PRIMARY KEY ("electionId","userId")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" UUID NOT NULL,
    "electionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "statement" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "region" "Region",
    "employer" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Endorsement" (
    "nominationId" UUID NOT NULL,
    "endorserId" UUID NOT NULL,
    "employer" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Endorsement_pkey" PRIMARY KEY ("nominationId","endorserId")
);

-- CreateTable
CREATE TABLE "ElectionException" (
    "id" UUID NOT NULL,
    "electionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ElectionException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionParticipation" (
    "electionId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "ElectionParticipation_pkey" PRIMARY KEY ("electionId","userId")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" UUID NOT NULL,
    "electionId" UUID NOT NULL,
    "choices" JSONB NOT NULL,
    "receiptHash" TEXT NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionArtifact" (
    "electionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "ElectionArtifact_pkey" PRIMARY KEY ("electionId","name")
);

-- CreateIndex
CREATE INDEX "Election_tagId_phase_idx" ON "Election"("tagId", "phase");

-- CreateIndex
CREATE INDEX "Election_phase_votingCloseAt_idx" ON "Election"("phase", "votingCloseAt");

-- CreateIndex
CREATE UNIQUE INDEX "Nomination_electionId_userId_key" ON "Nomination"("electionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionException_electionId_userId_kind_key" ON "ElectionException"("electionId", "userId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_receiptHash_key" ON "Ballot"("receiptHash");

-- CreateIndex
CREATE INDEX "Ballot_electionId_idx" ON "Ballot"("electionId");

-- AddForeignKey
ALTER TABLE "HiddenItem" ADD CONSTRAINT "HiddenItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiddenItem" ADD CONSTRAINT "HiddenItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "HelpWantedItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionOfficer" ADD CONSTRAINT "ElectionOfficer_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionVoter" ADD CONSTRAINT "ElectionVoter_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Endorsement" ADD CONSTRAINT "Endorsement_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionException" ADD CONSTRAINT "ElectionException_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionParticipation" ADD CONSTRAINT "ElectionParticipation_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionArtifact" ADD CONSTRAINT "ElectionArtifact_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A GitHub issue is offered as a draft at most once, however often the sync runs.
CREATE UNIQUE INDEX "HelpWantedItem_github_draft_key" ON "HelpWantedItem" ("githubIssueUrl") WHERE "source" = 'github';
