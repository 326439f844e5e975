-- CreateEnum
CREATE TYPE "StoreSyncPolicy" AS ENUM ('CONFIRM_AT_ONCE', 'CONFIRM_ON_FIRST_SCAN', 'MANUAL');

-- AlterEnum
CREATE TYPE "MarketplaceSyncState_new" AS ENUM ('NOT_REQUIRED', 'WAITING_FOR_SCAN', 'PENDING', 'CONFIRMED', 'FAILED');
ALTER TABLE "Shipment" ALTER COLUMN "syncState" DROP DEFAULT;
ALTER TABLE "Shipment" ALTER COLUMN "syncState" TYPE "MarketplaceSyncState_new" USING ((CASE "syncState"::text WHEN 'SYNCED' THEN 'CONFIRMED' ELSE "syncState"::text END)::"MarketplaceSyncState_new");
ALTER TYPE "MarketplaceSyncState" RENAME TO "MarketplaceSyncState_old";
ALTER TYPE "MarketplaceSyncState_new" RENAME TO "MarketplaceSyncState";
DROP TYPE "MarketplaceSyncState_old";
ALTER TABLE "Shipment" ALTER COLUMN "syncState" SET DEFAULT 'PENDING';

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "accountId" TEXT,
ADD COLUMN     "apiBaseUrl" TEXT,
ADD COLUMN     "credentialNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "credentials" TEXT,
ADD COLUMN     "credentialsLastUsedAt" TIMESTAMPTZ(3),
ADD COLUMN     "credentialsUpdatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "syncPolicy" "StoreSyncPolicy" NOT NULL DEFAULT 'CONFIRM_AT_ONCE',
ADD COLUMN     "tokenUrl" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "cancelRequestedByBuyer" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "deliveredAt" TIMESTAMPTZ(3),
ADD COLUMN     "firstScanAt" TIMESTAMPTZ(3),
ADD COLUMN     "packageReference" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "syncConfirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "syncErrorCode" TEXT,
ADD COLUMN     "syncNextAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN     "syncVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ShipmentRisk" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,
    "clearedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ShipmentRisk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShipmentRisk_storeId_clearedAt_idx" ON "ShipmentRisk"("storeId", "clearedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShipmentRisk_shipmentId_code_key" ON "ShipmentRisk"("shipmentId", "code");

-- CreateIndex
CREATE INDEX "Store_marketplace_accountId_idx" ON "Store"("marketplace", "accountId");

-- CreateIndex
CREATE INDEX "Shipment_storeId_createdAt_idx" ON "Shipment"("storeId", "createdAt");

-- AddForeignKey
ALTER TABLE "ShipmentRisk" ADD CONSTRAINT "ShipmentRisk_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentRisk" ADD CONSTRAINT "ShipmentRisk_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: package numbers in creation order within each order, scan and delivery times from the
-- events already stored, and the last update of a cancelled order as its cancellation time.
-- (No semicolons or quotes in these comments: prisma migrate deploy splits the script on them.)
UPDATE "Shipment" AS s SET "packageReference" = numbered.n
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "orderId" ORDER BY "createdAt", "id") AS n FROM "Shipment"
) AS numbered
WHERE numbered."id" = s."id";

UPDATE "Shipment" AS s SET "firstScanAt" = scans.first
FROM (
  SELECT "shipmentId", min("occurredAt") AS first FROM "TrackingEvent"
  WHERE "status" NOT IN ('PENDING', 'INFO_RECEIVED') GROUP BY "shipmentId"
) AS scans
WHERE scans."shipmentId" = s."id";

UPDATE "Shipment" AS s SET "deliveredAt" = delivered.at
FROM (
  SELECT "shipmentId", max("occurredAt") AS at FROM "TrackingEvent"
  WHERE "status" = 'DELIVERED' GROUP BY "shipmentId"
) AS delivered
WHERE delivered."shipmentId" = s."id" AND s."status" = 'DELIVERED';

UPDATE "Order" SET "cancelledAt" = "updatedAt" WHERE "state" = 'CANCELLED';
