-- CreateEnum
CREATE TYPE "TagAmbassadorKind" AS ENUM ('project-liaison', 'foundation-liaison', 'community-organizer');

-- CreateEnum
CREATE TYPE "LiaisonHealth" AS ENUM ('fine', 'needs-attention', 'at-risk');

-- CreateEnum
CREATE TYPE "RemovalStatus" AS ENUM ('open', 'passed', 'failed');

-- AlterTable
ALTER TABLE "RoleAssignment" ADD COLUMN     "electionId" UUID,
ADD COLUMN     "obtainedBy" TEXT NOT NULL DEFAULT 'appointed',
ADD COLUMN     "roleDefinitionId" UUID,
ADD COLUMN     "subprojectId" UUID;

-- AlterTable
ALTER TABLE "Tag" ADD COLUMN     "leaveCountsTowardCaps" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "removalSupermajority" DOUBLE PRECISION NOT NULL DEFAULT 0.6667;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "claimedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "RoleDefinition" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "roleKey" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RoleKind" NOT NULL,
    "ambassadorKind" "TagAmbassadorKind",
    "responsibilities" TEXT NOT NULL DEFAULT '',
    "hoursPerMonth" INTEGER,
    "termMonths" INTEGER,
    "selection" "LeadershipModel" NOT NULL DEFAULT 'appointment',
    "escalationPath" TEXT NOT NULL DEFAULT '',
    "totalSeats" INTEGER,
    "maxPerRegion" JSONB NOT NULL DEFAULT '{}',
    "minPerRegion" JSONB NOT NULL DEFAULT '{}',
    "maxPerEmployer" INTEGER,
    "eligibilityMinRecords" INTEGER,
    "eligibilityWindowMonths" INTEGER,
    "needsTocApproval" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID,
    "supersededAt" TIMESTAMPTZ(3),

    CONSTRAINT "RoleDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Leave" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "from" DATE NOT NULL,
    "to" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "coverUserId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Leave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Liaison" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "projectId" UUID,
    "foundation" TEXT,
    "cadenceDays" INTEGER NOT NULL DEFAULT 30,
    "lastCheckInAt" TIMESTAMPTZ(3),
    "overdueNotifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Liaison_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiaisonCheckIn" (
    "id" UUID NOT NULL,
    "liaisonId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "health" "LiaisonHealth" NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LiaisonCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemovalProposal" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RemovalStatus" NOT NULL DEFAULT 'open',
    "openedById" UUID,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RemovalProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemovalVote" (
    "proposalId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "inFavor" BOOLEAN NOT NULL,
    "castAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RemovalVote_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateTable
CREATE TABLE "TagsYamlSource" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "text" TEXT NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TagsYamlSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoleDefinition_tagId_supersededAt_idx" ON "RoleDefinition"("tagId", "supersededAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoleDefinition_roleKey_version_key" ON "RoleDefinition"("roleKey", "version");

-- CreateIndex
CREATE INDEX "Leave_assignmentId_from_idx" ON "Leave"("assignmentId", "from");

-- CreateIndex
CREATE UNIQUE INDEX "Liaison_assignmentId_key" ON "Liaison"("assignmentId");

-- CreateIndex
CREATE INDEX "Liaison_projectId_idx" ON "Liaison"("projectId");

-- CreateIndex
CREATE INDEX "LiaisonCheckIn_liaisonId_date_idx" ON "LiaisonCheckIn"("liaisonId", "date");

-- CreateIndex
CREATE INDEX "RemovalProposal_status_idx" ON "RemovalProposal"("status");

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_roleDefinitionId_fkey" FOREIGN KEY ("roleDefinitionId") REFERENCES "RoleDefinition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_subprojectId_fkey" FOREIGN KEY ("subprojectId") REFERENCES "Subproject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleDefinition" ADD CONSTRAINT "RoleDefinition_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "RoleAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Liaison" ADD CONSTRAINT "Liaison_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "RoleAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Liaison" ADD CONSTRAINT "Liaison_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonCheckIn" ADD CONSTRAINT "LiaisonCheckIn_liaisonId_fkey" FOREIGN KEY ("liaisonId") REFERENCES "Liaison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemovalProposal" ADD CONSTRAINT "RemovalProposal_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "RoleAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemovalVote" ADD CONSTRAINT "RemovalVote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "RemovalProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
