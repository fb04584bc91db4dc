-- Elekto import keeps the eligibility text and the exception guide (issue 20 point 7): additive columns.
ALTER TABLE "Election" ADD COLUMN "eligibilityText" TEXT NOT NULL DEFAULT '',
ADD COLUMN "exceptionDescription" TEXT NOT NULL DEFAULT '';
