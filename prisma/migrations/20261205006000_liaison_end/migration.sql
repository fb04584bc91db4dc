-- A lead can end a liaison while its seat runs on (issue 15, point 8): the row stays for its history.
-- AlterTable
ALTER TABLE "Liaison" ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "endedReason" TEXT;
