-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('appointment', 'election-result', 'removal', 'role-change', 'seat-end', 'renewal');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('open', 'approved', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "DecisionChoice" AS ENUM ('yes', 'no', 'abstain');

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
CREATE INDEX "Decision_status_closesAt_idx" ON "Decision"("status", "closesAt");

-- CreateIndex
CREATE INDEX "Decision_tagId_status_idx" ON "Decision"("tagId", "status");

-- CreateIndex
CREATE INDEX "Decision_subjectId_idx" ON "Decision"("subjectId");

-- CreateIndex
CREATE INDEX "DecisionElector_userId_idx" ON "DecisionElector"("userId");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionElector" ADD CONSTRAINT "DecisionElector_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionVote" ADD CONSTRAINT "DecisionVote_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
