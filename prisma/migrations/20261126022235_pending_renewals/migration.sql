-- AlterTable
ALTER TABLE "RoleAssignment" ADD COLUMN     "renewRequestedAt" TIMESTAMPTZ(3),
ADD COLUMN     "renewRequestedById" UUID,
ADD COLUMN     "renewTermEndAt" TIMESTAMPTZ(3);
