-- One OPEN liaison per seat instead of one liaison per seat for ever: a seat whose liaison a lead
-- ended may take a new one, and the ended one stays as history. Expand-only: the old unique index is
-- replaced by a narrower one, so the running release (which never creates a second liaison) is
-- unaffected.
DROP INDEX IF EXISTS "Liaison_assignmentId_key";
CREATE INDEX "Liaison_assignmentId_idx" ON "Liaison"("assignmentId");
CREATE UNIQUE INDEX "Liaison_assignmentId_open_key" ON "Liaison"("assignmentId") WHERE "endedAt" IS NULL;
