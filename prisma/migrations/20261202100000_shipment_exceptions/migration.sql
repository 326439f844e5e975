-- CreateTable
CREATE TABLE "ShipmentException" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "evidence" JSONB NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ShipmentException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShipmentException_tenantId_storeId_closedAt_type_idx" ON "ShipmentException"("tenantId", "storeId", "closedAt", "type");

-- CreateIndex
CREATE INDEX "ShipmentException_shipmentId_openedAt_idx" ON "ShipmentException"("shipmentId", "openedAt");

-- CreateIndex
CREATE INDEX "ShipmentException_closedAt_idx" ON "ShipmentException"("closedAt");

-- AddForeignKey
ALTER TABLE "ShipmentException" ADD CONSTRAINT "ShipmentException_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentException" ADD CONSTRAINT "ShipmentException_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one open exception of a type per shipment, race-safe on both databases
-- (Prisma cannot declare a partial index, so it is added here by hand)
CREATE UNIQUE INDEX "ShipmentException_open_key" ON "ShipmentException"("shipmentId", "type") WHERE "closedAt" IS NULL;
