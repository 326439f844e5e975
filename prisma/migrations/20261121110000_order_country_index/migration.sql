-- CreateIndex
CREATE INDEX "Order_tenantId_destinationCountry_idx" ON "Order"("tenantId", "destinationCountry");

