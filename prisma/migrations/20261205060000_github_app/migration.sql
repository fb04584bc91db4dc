-- GitHub App installations and roster pull requests (issue #19 points 1 and 4). Additive only.
CREATE TABLE "GithubInstallation" (
    "id" INTEGER NOT NULL,
    "account" TEXT NOT NULL,
    "repositories" TEXT[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GithubInstallation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RosterPullRequest" (
    "decisionId" UUID NOT NULL,
    "repo" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RosterPullRequest_pkey" PRIMARY KEY ("decisionId")
);

CREATE UNIQUE INDEX "RosterPullRequest_repo_number_key" ON "RosterPullRequest"("repo", "number");
