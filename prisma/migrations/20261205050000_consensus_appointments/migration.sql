-- AlterEnum
ALTER TYPE "LeadershipModel" ADD VALUE 'consensus';

-- AlterTable
ALTER TABLE "RoleDefinition" ADD COLUMN     "deliverables" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ConsensusWindow" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "notesUrl" TEXT NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" TEXT,
    "settledAt" TIMESTAMPTZ(3),

    CONSTRAINT "ConsensusWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsensusObjection" (
    "id" UUID NOT NULL,
    "windowId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConsensusObjection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsensusWindow_assignmentId_key" ON "ConsensusWindow"("assignmentId");

-- CreateIndex
CREATE INDEX "ConsensusWindow_outcome_closesAt_idx" ON "ConsensusWindow"("outcome", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConsensusObjection_windowId_userId_key" ON "ConsensusObjection"("windowId", "userId");

-- AddForeignKey
ALTER TABLE "ConsensusWindow" ADD CONSTRAINT "ConsensusWindow_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "RoleAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsensusObjection" ADD CONSTRAINT "ConsensusObjection_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "ConsensusWindow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
