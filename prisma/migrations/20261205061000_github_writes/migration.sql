-- AlterTable
ALTER TABLE "User" ADD COLUMN     "githubAssignOptIn" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "GithubWrite" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "itemId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "repo" TEXT NOT NULL,
    "issueNumber" INTEGER,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "remoteId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "doneAt" TIMESTAMPTZ(3),

    CONSTRAINT "GithubWrite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GithubWrite_key_key" ON "GithubWrite"("key");

-- CreateIndex
CREATE INDEX "GithubWrite_status_nextAttemptAt_idx" ON "GithubWrite"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "GithubWrite_itemId_idx" ON "GithubWrite"("itemId");

-- CreateIndex
CREATE INDEX "GithubWrite_repo_issueNumber_idx" ON "GithubWrite"("repo", "issueNumber");

-- AddForeignKey
ALTER TABLE "GithubWrite" ADD CONSTRAINT "GithubWrite_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "HelpWantedItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
