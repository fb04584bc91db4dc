-- Issue 21 point 3: an optional, private country on profiles and per-TAG representation targets.
-- Expand-only (new nullable column, a column with a default, a new table).
ALTER TABLE "User" ADD COLUMN "country" TEXT;
ALTER TABLE "User" ADD COLUMN "countryPublic" BOOLEAN NOT NULL DEFAULT false;

CREATE TYPE "RepresentationGroup" AS ENUM ('leadership', 'ambassadors');

CREATE TABLE "RepresentationTarget" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "audience" "RepresentationGroup" NOT NULL,
    "region" "Region",
    "country" TEXT,
    "minimum" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "RepresentationTarget_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RepresentationTarget_tagId_idx" ON "RepresentationTarget"("tagId");
ALTER TABLE "RepresentationTarget" ADD CONSTRAINT "RepresentationTarget_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- One target per TAG, group and place (lib/representation checks that exactly one of region or
-- country is set: Prisma's schema engine cannot read CHECK constraints back).
CREATE UNIQUE INDEX "RepresentationTarget_region_key" ON "RepresentationTarget"("tagId", "audience", "region") WHERE "region" IS NOT NULL;
CREATE UNIQUE INDEX "RepresentationTarget_country_key" ON "RepresentationTarget"("tagId", "audience", "country") WHERE "country" IS NOT NULL;
