-- AlterTable
ALTER TABLE "Election" ADD COLUMN     "ballotsCompactedAt" TIMESTAMPTZ(3);

-- Elections closed before this column existed count as compacted, except those closed but never
-- counted (no result, not sent back): the phase sweep closes those once more, which rewrites the
-- ballot table again and counts; a count that then fails is reported to the officers and the TOC.
UPDATE "Election" SET "ballotsCompactedAt" = "updatedAt"
 WHERE "phase" IN ('tallied', 'approved', 'published')
    OR ("phase" = 'closed' AND ("result" IS NOT NULL OR "sentBackReason" IS NOT NULL));
