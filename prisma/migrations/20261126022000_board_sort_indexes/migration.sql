-- Indexes for the board's sorts that the status-first indexes cannot serve in order
-- (bench/board.ts): fewest places left first, and newest across every status.
CREATE INDEX "HelpWantedItem_fewest_idx" ON "HelpWantedItem" ("status", ("places" - "placesTaken"), "id");
CREATE INDEX "HelpWantedItem_newest_idx" ON "HelpWantedItem" ("createdAt" DESC, "id" DESC);
