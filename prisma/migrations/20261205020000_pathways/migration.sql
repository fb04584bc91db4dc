-- AlterTable
ALTER TABLE "RoleDefinition" ADD COLUMN     "requiredStep" TEXT;

-- CreateTable
CREATE TABLE "PathwayLadder" (
    "tagId" UUID NOT NULL,
    "steps" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "PathwayLadder_pkey" PRIMARY KEY ("tagId")
);

-- CreateTable
CREATE TABLE "MentorPairing" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "mentorId" UUID NOT NULL,
    "menteeId" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "startedById" UUID,
    "endedAt" TIMESTAMPTZ(3),
    "endedById" UUID,

    CONSTRAINT "MentorPairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PathwaySignOff" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "stepName" TEXT NOT NULL,
    "mentorId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PathwaySignOff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MentorPairing_tagId_endedAt_idx" ON "MentorPairing"("tagId", "endedAt");

-- CreateIndex
CREATE INDEX "MentorPairing_menteeId_endedAt_idx" ON "MentorPairing"("menteeId", "endedAt");

-- CreateIndex
CREATE INDEX "MentorPairing_mentorId_endedAt_idx" ON "MentorPairing"("mentorId", "endedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PathwaySignOff_tagId_userId_stepName_key" ON "PathwaySignOff"("tagId", "userId", "stepName");

-- AddForeignKey
ALTER TABLE "PathwayLadder" ADD CONSTRAINT "PathwayLadder_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPairing" ADD CONSTRAINT "MentorPairing_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPairing" ADD CONSTRAINT "MentorPairing_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPairing" ADD CONSTRAINT "MentorPairing_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwaySignOff" ADD CONSTRAINT "PathwaySignOff_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwaySignOff" ADD CONSTRAINT "PathwaySignOff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
