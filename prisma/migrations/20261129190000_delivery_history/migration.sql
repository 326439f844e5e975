-- CreateTable
CREATE TABLE "DeliveryHistory" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "rowKey" TEXT NOT NULL,
    "originCountry" TEXT,
    "originRegion" TEXT,
    "originPostalCode" TEXT,
    "destinationCountry" TEXT NOT NULL,
    "destinationRegion" TEXT,
    "destinationPostalCode" TEXT,
    "carrier" TEXT,
    "service" TEXT,
    "orderedAt" TIMESTAMPTZ(3),
    "orderedAtOffsetMinutes" INTEGER,
    "shippedAt" TIMESTAMPTZ(3),
    "shippedAtOffsetMinutes" INTEGER,
    "deliveredAt" TIMESTAMPTZ(3) NOT NULL,
    "deliveredAtOffsetMinutes" INTEGER NOT NULL,
    "promisedDate" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryHistory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeliveryHistory_tenantId_deliveredAt_idx" ON "DeliveryHistory"("tenantId", "deliveredAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryHistory_tenantId_rowKey_key" ON "DeliveryHistory"("tenantId", "rowKey");

-- AddForeignKey
ALTER TABLE "DeliveryHistory" ADD CONSTRAINT "DeliveryHistory_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

