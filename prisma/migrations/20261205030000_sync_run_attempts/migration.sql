-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0;
