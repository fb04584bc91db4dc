-- 20261204213000 turned every open old removal vote into an open removal decision, so a seat with
-- two old votes open got two open decisions. The earliest stays open; the others are withdrawn as
-- that migration withdrew a vote that met an open decision.
UPDATE "Decision" d
SET "status" = 'withdrawn', "closedAt" = d."openedAt", "outcome" = 'Withdrawn: another vote on this seat was open.'
WHERE d."kind" = 'removal' AND d."status" = 'open' AND EXISTS (
  SELECT 1 FROM "Decision" e
  WHERE e."kind" = 'removal' AND e."status" = 'open' AND e."subjectId" = d."subjectId"
    AND (e."openedAt", e."id") < (d."openedAt", d."id")
);
