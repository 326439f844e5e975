-- Carrier polling, decision 046: carrier API accounts of tenants and the next poll of each shipment
-- CreateEnum
CREATE TYPE "CarrierAccountStatus" AS ENUM ('ACTIVE', 'FAILED');

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "lastPolledAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextPollAt" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "pollQuietCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CarrierAccount" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "credentials" TEXT NOT NULL,
    "credentialNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "CarrierAccountStatus" NOT NULL DEFAULT 'ACTIVE',
    "lastError" TEXT,
    "pausedUntil" TIMESTAMPTZ(3),
    "lastPolledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CarrierAccount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CarrierAccount_carrier_status_idx" ON "CarrierAccount"("carrier", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CarrierAccount_tenantId_carrier_key" ON "CarrierAccount"("tenantId", "carrier");

-- CreateIndex
CREATE INDEX "Shipment_nextPollAt_idx" ON "Shipment"("nextPollAt");

-- AddForeignKey
ALTER TABLE "CarrierAccount" ADD CONSTRAINT "CarrierAccount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A parcel whose story is over is never polled: rows from before this migration included
UPDATE "Shipment" SET "nextPollAt" = NULL WHERE "status" IN ('DELIVERED', 'EXPIRED');

-- Row-level security as in 20261203120000_row_level_security (decision 042)
ALTER TABLE "CarrierAccount" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CarrierAccount" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CarrierAccount" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");
