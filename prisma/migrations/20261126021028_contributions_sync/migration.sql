-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- AlterTable
ALTER TABLE "ContributionRecord" ADD COLUMN     "rejectReason" TEXT,
ADD COLUMN     "verifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "verifiedById" UUID;

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'queued',
    "requestedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "resumeAt" TIMESTAMPTZ(3),

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepoSyncState" (
    "repo" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "etag" TEXT,
    "since" TIMESTAMPTZ(3),
    "nextPageUrl" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RepoSyncState_pkey" PRIMARY KEY ("repo","endpoint")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "deliveryId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" TEXT NOT NULL,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("deliveryId")
);

-- CreateIndex
CREATE INDEX "SyncRun_tagId_createdAt_idx" ON "SyncRun"("tagId", "createdAt");
