-- A TAG report proposed as a pull request (issue 22, point 3): where, which narrative version, when.
ALTER TABLE "TagReportDraft" ADD COLUMN "pullRequestUrl" TEXT,
ADD COLUMN "pullRequestVersion" INTEGER,
ADD COLUMN "pullRequestAt" TIMESTAMPTZ(3);
