-- DropIndex
DROP INDEX "WebhookEndpoint_provider_idx";

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "previousSecret" TEXT,
ADD COLUMN     "previousSecretUntil" TIMESTAMPTZ(3);
