-- Links people typed are rendered as hrefs: keep only http(s) ones (issue 16, finding 4).
-- Earlier schemas accepted any scheme (javascript:, data:, ...); such stored values are removed,
-- the rest of each row stays. Every column is nullable, and the form now refuses these values.
UPDATE "ClaimUpdate" SET "link" = NULL WHERE "link" IS NOT NULL AND "link" !~* '^https?://[^/?#\s]';
UPDATE "Claim" SET "evidenceUrl" = NULL WHERE "evidenceUrl" IS NOT NULL AND "evidenceUrl" !~* '^https?://[^/?#\s]';
UPDATE "LiaisonCheckIn" SET "link" = NULL WHERE "link" IS NOT NULL AND "link" !~* '^https?://[^/?#\s]';
UPDATE "RoleAssignment" SET "decisionLink" = NULL WHERE "decisionLink" IS NOT NULL AND "decisionLink" !~* '^https?://[^/?#\s]';
UPDATE "Tag" SET "mailingList" = NULL WHERE "mailingList" IS NOT NULL AND "mailingList" !~* '^https?://[^/?#\s]';
UPDATE "ContributionRecord" SET "link" = NULL WHERE "link" IS NOT NULL AND "link" !~* '^https?://[^/?#\s]';
