-- Sync and `issues` webhooks find items linked to a repository's issues by lower-cased URL prefix.
CREATE INDEX "HelpWantedItem_githubIssueUrl_lower_idx" ON "HelpWantedItem" (lower("githubIssueUrl") text_pattern_ops) WHERE "githubIssueUrl" IS NOT NULL;
