-- Issue 22 point 3 (TAG reports: the leads' narrative per TAG and period) and issue 21 point 4
-- (seat holders' quarterly reports). Additive only.
CREATE TABLE "TagReportDraft" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "narrative" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "TagReportDraft_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "HolderReport" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "quarter" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HolderReport_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "TagReportDraft_tagId_period_key" ON "TagReportDraft"("tagId", "period");

CREATE UNIQUE INDEX "HolderReport_assignmentId_quarter_key" ON "HolderReport"("assignmentId", "quarter");

CREATE INDEX "HolderReport_tagId_quarter_idx" ON "HolderReport"("tagId", "quarter");
