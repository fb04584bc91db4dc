-- Issue 18, point 12: anyone signed in reports a text to its TAG's leads, who may hide it with a reason.
CREATE TABLE "TextReport" (
    "id" UUID NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "tagId" UUID,
    "reporterId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "outcome" TEXT,

    CONSTRAINT "TextReport_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "HiddenText" (
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "tagId" UUID,
    "reason" TEXT NOT NULL,
    "hiddenById" UUID NOT NULL,
    "hiddenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HiddenText_pkey" PRIMARY KEY ("subjectType","subjectId")
);

CREATE INDEX "TextReport_tagId_resolvedAt_idx" ON "TextReport"("tagId", "resolvedAt");
CREATE INDEX "TextReport_subjectType_subjectId_idx" ON "TextReport"("subjectType", "subjectId");
