-- A pending seat the TOC's own tags.yaml confirmed ends its vote as settled, not withdrawn.
ALTER TYPE "DecisionStatus" ADD VALUE 'settled';

-- An approved decision that could not take effect (a seat cap reached meanwhile) says why.
ALTER TABLE "Decision" ADD COLUMN "blockedReason" TEXT;

-- Removal votes from before TOC decisions existed become removal decisions (same id), with their
-- votes; the electorate is who voted then plus today's TOC members. At most one stays open per seat.
INSERT INTO "Decision" ("id", "kind", "tagId", "subjectId", "title", "body", "status", "thresholdShare",
  "thresholdMoreThan", "thresholdBase", "quorumShare", "quorumMoreThan", "openedById", "openedAt", "closesAt",
  "announcedAt", "closedAt", "outcome")
SELECT p."id", 'removal', a."tagId", p."assignmentId", 'Remove @' || u."login" || ' from ' || t."name", p."reason",
  (CASE
    WHEN p."status" = 'passed' THEN 'approved'
    WHEN p."status" = 'failed' THEN 'rejected'
    WHEN EXISTS (SELECT 1 FROM "Decision" d WHERE d."subjectId" = p."assignmentId" AND d."status" = 'open') THEN 'withdrawn'
    ELSE 'open' END)::"DecisionStatus",
  t."removalSupermajority", false, 'cast', 0.5, true, p."openedById", p."openedAt", p."openedAt" + interval '7 days',
  p."openedAt", p."closedAt",
  CASE p."status"
    WHEN 'passed' THEN 'Passed under the earlier removal vote.'
    WHEN 'failed' THEN 'Did not pass under the earlier removal vote.'
    ELSE NULL END
FROM "RemovalProposal" p
JOIN "RoleAssignment" a ON a."id" = p."assignmentId"
JOIN "User" u ON u."id" = a."userId"
JOIN "Tag" t ON t."id" = a."tagId"
WHERE NOT EXISTS (SELECT 1 FROM "Decision" d WHERE d."id" = p."id");

UPDATE "Decision" d SET "closedAt" = d."openedAt", "outcome" = 'Withdrawn: another vote on this seat was open.'
WHERE d."status" = 'withdrawn' AND d."closedAt" IS NULL AND EXISTS (SELECT 1 FROM "RemovalProposal" p WHERE p."id" = d."id");

INSERT INTO "DecisionElector" ("decisionId", "userId", "recusal", "recusalNote", "recusedAt")
SELECT p."id", e."userId",
  CASE WHEN e."userId" = a."userId" THEN 'subject' END,
  CASE WHEN e."userId" = a."userId" THEN 'The decision is about them.' END,
  CASE WHEN e."userId" = a."userId" THEN p."openedAt" END
FROM "RemovalProposal" p
JOIN "RoleAssignment" a ON a."id" = p."assignmentId"
JOIN (
  SELECT v."proposalId", v."userId" FROM "RemovalVote" v
  UNION
  SELECT p2."id", u."id" FROM "RemovalProposal" p2 CROSS JOIN "User" u WHERE u."isTocMember"
) e ON e."proposalId" = p."id"
ON CONFLICT DO NOTHING;

INSERT INTO "DecisionVote" ("decisionId", "userId", "choice", "castAt")
SELECT v."proposalId", v."userId", (CASE WHEN v."inFavor" THEN 'yes' ELSE 'no' END)::"DecisionChoice", v."castAt"
FROM "RemovalVote" v
ON CONFLICT DO NOTHING;

DROP TABLE "RemovalVote";
DROP TABLE "RemovalProposal";
DROP TYPE "RemovalStatus";
