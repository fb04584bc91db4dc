-- CreateEnum
CREATE TYPE "SlackDeliveryStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "TagSlack" (
    "tagId" UUID NOT NULL,
    "webhookCiphertext" TEXT NOT NULL,
    "webhookHint" TEXT NOT NULL,
    "events" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "TagSlack_pkey" PRIMARY KEY ("tagId")
);

-- CreateTable
CREATE TABLE "SlackDelivery" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "message" JSONB NOT NULL,
    "status" "SlackDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "SlackDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarToken" (
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarToken_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "SlackDelivery_status_nextAttemptAt_idx" ON "SlackDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SlackDelivery_tagId_status_idx" ON "SlackDelivery"("tagId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarToken_tokenHash_key" ON "CalendarToken"("tokenHash");

-- AddForeignKey
ALTER TABLE "TagSlack" ADD CONSTRAINT "TagSlack_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackDelivery" ADD CONSTRAINT "SlackDelivery_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarToken" ADD CONSTRAINT "CalendarToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
