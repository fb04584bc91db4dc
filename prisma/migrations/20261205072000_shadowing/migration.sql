-- Issue 21: shadowing as a help-wanted kind with a mentor attached. Expand-only: a new enum value,
-- nullable columns and their foreign keys.
ALTER TYPE "HelpWantedKind" ADD VALUE 'shadow';

ALTER TABLE "HelpWantedItem" ADD COLUMN "shadowMentorId" UUID;
ALTER TABLE "HelpWantedItem" ADD COLUMN "shadowStep" TEXT;
ALTER TABLE "HelpWantedItem" ADD CONSTRAINT "HelpWantedItem_shadowMentorId_fkey" FOREIGN KEY ("shadowMentorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "PathwaySignOff" ADD COLUMN "itemId" UUID;
ALTER TABLE "PathwaySignOff" ADD CONSTRAINT "PathwaySignOff_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "HelpWantedItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
