-- Delivery ratings from the public tracking page, decision 044

-- CreateTable
CREATE TABLE "DeliveryFeedback" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "originCountry" TEXT,
    "destinationCountry" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DeliveryFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryFeedback_shipmentId_key" ON "DeliveryFeedback"("shipmentId");

-- CreateIndex
CREATE INDEX "DeliveryFeedback_storeId_updatedAt_idx" ON "DeliveryFeedback"("storeId", "updatedAt");

-- CreateIndex
CREATE INDEX "DeliveryFeedback_tenantId_idx" ON "DeliveryFeedback"("tenantId");

-- AddForeignKey
ALTER TABLE "DeliveryFeedback" ADD CONSTRAINT "DeliveryFeedback_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryFeedback" ADD CONSTRAINT "DeliveryFeedback_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryFeedback" ADD CONSTRAINT "DeliveryFeedback_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security as for every table with a tenantId column, decision 042
ALTER TABLE "DeliveryFeedback" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DeliveryFeedback" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DeliveryFeedback" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");
