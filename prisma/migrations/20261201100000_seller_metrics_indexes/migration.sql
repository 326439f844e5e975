-- CreateIndex
CREATE INDEX "Order_storeId_shipByDate_idx" ON "Order"("storeId", "shipByDate");

-- CreateIndex
CREATE INDEX "Order_storeId_placedAt_idx" ON "Order"("storeId", "placedAt");

-- CreateIndex
CREATE INDEX "Order_storeId_cancelledAt_idx" ON "Order"("storeId", "cancelledAt");

-- CreateIndex
CREATE INDEX "Shipment_storeId_syncConfirmedAt_idx" ON "Shipment"("storeId", "syncConfirmedAt");

-- CreateIndex
CREATE INDEX "Shipment_storeId_deliveredAt_idx" ON "Shipment"("storeId", "deliveredAt");

-- CreateIndex
CREATE INDEX "Shipment_createdAt_idx" ON "Shipment"("createdAt");

-- CreateIndex
CREATE INDEX "ShipmentRisk_clearedAt_idx" ON "ShipmentRisk"("clearedAt");

