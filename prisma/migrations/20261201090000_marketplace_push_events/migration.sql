-- CreateEnum
CREATE TYPE "MarketplacePushKind" AS ENUM ('ORDER_STATUS', 'TRACKING');

-- CreateEnum
CREATE TYPE "MarketplacePushOutcome" AS ENUM ('APPLIED', 'UNCHANGED', 'STALE', 'REFUSED', 'UNKNOWN_ORDER', 'IGNORED');

-- CreateTable
CREATE TABLE "MarketplacePushEvent" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "kind" "MarketplacePushKind" NOT NULL,
    "nativeOrderId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "MarketplacePushOutcome" NOT NULL,
    "detail" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MarketplacePushEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MarketplacePushEvent_storeId_nativeOrderId_kind_occurredAt_idx" ON "MarketplacePushEvent"("storeId", "nativeOrderId", "kind", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "MarketplacePushEvent_storeId_eventKey_key" ON "MarketplacePushEvent"("storeId", "eventKey");

-- AddForeignKey
ALTER TABLE "MarketplacePushEvent" ADD CONSTRAINT "MarketplacePushEvent_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

