-- CreateEnum
CREATE TYPE "LeadershipModel" AS ENUM ('election', 'appointment');

-- CreateEnum
CREATE TYPE "RoleKind" AS ENUM ('chair', 'tech-lead', 'tag-ambassador', 'advisory-fellow', 'subproject-lead', 'custom');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('pending', 'active', 'on-leave', 'emeritus', 'ended', 'rejected');

-- CreateEnum
CREATE TYPE "ProjectMaturity" AS ENUM ('sandbox', 'incubating', 'graduated', 'archived');

-- AlterTable
ALTER TABLE "Tag" ADD COLUMN     "activityMinRecords" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "activityWindowMonths" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "autoAccept" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "boardReviewMonths" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "leadershipModel" "LeadershipModel" NOT NULL DEFAULT 'appointment',
ADD COLUMN     "maxActiveClaims" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "meetings" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "staleAfterDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "tocLiaisons" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "ambassadorVerifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "bio" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "hoursPerMonth" INTEGER,
ADD COLUMN     "interests" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "skills" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "EmployerHistory" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "employer" TEXT NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3),

    CONSTRAINT "EmployerHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subproject" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mission" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Subproject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "RoleKind" NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'pending',
    "regionAtStart" "Region",
    "startAt" TIMESTAMPTZ(3),
    "termEndAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "decisionLink" TEXT,
    "requestedById" UUID,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "endRequestedById" UUID,
    "endRequestedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT '',
    "maturity" "ProjectMaturity" NOT NULL,
    "acceptedAt" DATE,
    "homeUrl" TEXT,
    "logoUrl" TEXT,
    "devstatsUrl" TEXT,
    "repositories" JSONB NOT NULL DEFAULT '[]',
    "importedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmployerHistory_userId_from_idx" ON "EmployerHistory"("userId", "from");

-- CreateIndex
CREATE UNIQUE INDEX "Subproject_tagId_slug_key" ON "Subproject"("tagId", "slug");

-- CreateIndex
CREATE INDEX "RoleAssignment_tagId_status_idx" ON "RoleAssignment"("tagId", "status");

-- CreateIndex
CREATE INDEX "RoleAssignment_userId_status_idx" ON "RoleAssignment"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Project_name_key" ON "Project"("name");

-- CreateIndex
CREATE INDEX "Project_maturity_idx" ON "Project"("maturity");

-- CreateIndex
CREATE INDEX "Project_category_idx" ON "Project"("category");

-- AddForeignKey
ALTER TABLE "EmployerHistory" ADD CONSTRAINT "EmployerHistory_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subproject" ADD CONSTRAINT "Subproject_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
