-- Buyer notifications (decision 040): store rules, buyer preferences per order, the log
-- whose unique key notifies each milestone once per shipment, and review requests (one per order).
-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SMS', 'MARKETPLACE_MESSAGE');

-- CreateEnum
CREATE TYPE "NotificationState" AS ENUM ('QUEUED', 'SENT', 'SKIPPED', 'FAILED');

-- CreateTable
CREATE TABLE "StoreNotificationRules" (
    "storeId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "milestones" JSONB NOT NULL,
    "quietStartMinute" INTEGER NOT NULL DEFAULT 1260,
    "quietEndMinute" INTEGER NOT NULL DEFAULT 480,
    "reviewRequestAfterDays" INTEGER,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StoreNotificationRules_pkey" PRIMARY KEY ("storeId")
);

-- CreateTable
CREATE TABLE "BuyerNotificationPreference" (
    "orderId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "optedOut" BOOLEAN NOT NULL DEFAULT false,
    "optedOutAt" TIMESTAMPTZ(3),
    "channel" "NotificationChannel",
    "email" TEXT,
    "phone" TEXT,
    "locale" TEXT,
    "timeZone" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BuyerNotificationPreference_pkey" PRIMARY KEY ("orderId")
);

-- CreateTable
CREATE TABLE "BuyerNotification" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "state" "NotificationState" NOT NULL,
    "reason" TEXT,
    "detail" TEXT,
    "to" TEXT,
    "scheduledFor" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BuyerNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRequest" (
    "orderId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "state" "NotificationState" NOT NULL,
    "reason" TEXT,
    "detail" TEXT,
    "scheduledFor" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewRequest_pkey" PRIMARY KEY ("orderId")
);

-- CreateIndex
CREATE INDEX "BuyerNotification_orderId_createdAt_idx" ON "BuyerNotification"("orderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BuyerNotification_shipmentId_kind_key" ON "BuyerNotification"("shipmentId", "kind");

-- AddForeignKey
ALTER TABLE "StoreNotificationRules" ADD CONSTRAINT "StoreNotificationRules_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuyerNotificationPreference" ADD CONSTRAINT "BuyerNotificationPreference_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuyerNotification" ADD CONSTRAINT "BuyerNotification_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuyerNotification" ADD CONSTRAINT "BuyerNotification_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

