-- AlterTable
ALTER TABLE "RoleDefinition" ADD COLUMN     "coverHasPowers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "emeritusAfterTerm" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "retiredAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Tag" ADD COLUMN     "tocLiaisonIds" BIGINT[] DEFAULT ARRAY[]::BIGINT[];
-- Data (hand-written, issue 15): every TAG has Chair and Tech Lead role definitions, with the
-- defaults of lib/roles/leadership-roles.ts; TAGs with subproject leads get a Subproject lead role.
INSERT INTO "RoleDefinition" ("id", "tagId", "roleKey", "version", "name", "kind", "termMonths", "selection", "escalationPath", "needsTocApproval", "createdAt")
SELECT gen_random_uuid(), t."id", gen_random_uuid(), 1, 'Chair', 'chair', 24, 'appointment', 'the TOC', true, now()
FROM "Tag" t
WHERE NOT EXISTS (SELECT 1 FROM "RoleDefinition" d WHERE d."tagId" = t."id" AND d."kind" = 'chair' AND d."supersededAt" IS NULL);

INSERT INTO "RoleDefinition" ("id", "tagId", "roleKey", "version", "name", "kind", "termMonths", "selection", "escalationPath", "needsTocApproval", "createdAt")
SELECT gen_random_uuid(), t."id", gen_random_uuid(), 1, 'Tech Lead', 'tech-lead', 24, t."leadershipModel", 'the TOC', true, now()
FROM "Tag" t
WHERE NOT EXISTS (SELECT 1 FROM "RoleDefinition" d WHERE d."tagId" = t."id" AND d."kind" = 'tech-lead' AND d."supersededAt" IS NULL);

INSERT INTO "RoleDefinition" ("id", "tagId", "roleKey", "version", "name", "kind", "termMonths", "selection", "escalationPath", "needsTocApproval", "createdAt")
SELECT gen_random_uuid(), t."id", gen_random_uuid(), 1, 'Subproject lead', 'subproject-lead', 12, 'appointment', 'the TAG''s chairs', false, now()
FROM "Tag" t
WHERE EXISTS (SELECT 1 FROM "RoleAssignment" a WHERE a."tagId" = t."id" AND a."kind" = 'subproject-lead' AND a."roleDefinitionId" IS NULL)
  AND NOT EXISTS (SELECT 1 FROM "RoleDefinition" d WHERE d."tagId" = t."id" AND d."kind" = 'subproject-lead' AND d."supersededAt" IS NULL);

-- Seats given outside any definition join the TAG's one current definition of their kind.
UPDATE "RoleAssignment" a
SET "roleDefinitionId" = d."id"
FROM "RoleDefinition" d
WHERE a."roleDefinitionId" IS NULL
  AND d."tagId" = a."tagId" AND d."kind" = a."kind" AND d."supersededAt" IS NULL
  AND (SELECT count(*) FROM "RoleDefinition" x WHERE x."tagId" = a."tagId" AND x."kind" = a."kind" AND x."supersededAt" IS NULL) = 1;

-- Data (hand-written, issue 15): TOC liaisons are kept by GitHub id; a login nobody here holds
-- keeps id 0 (shown by its login as written).
UPDATE "Tag" t
SET "tocLiaisonIds" = ARRAY(
  SELECT COALESCE((SELECT u."githubId" FROM "User" u WHERE lower(u."login") = lower(l.login) ORDER BY u."updatedAt" DESC LIMIT 1), 0)
  FROM unnest(t."tocLiaisons") WITH ORDINALITY AS l(login, n)
  ORDER BY l.n
)
WHERE cardinality(t."tocLiaisons") > 0;
