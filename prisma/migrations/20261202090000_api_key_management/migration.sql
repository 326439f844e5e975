-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastUsedAt" TIMESTAMPTZ(3),
ADD COLUMN     "replacedById" TEXT;

