-- Public tracking links, decision 043: a token per shipment, looked up by its SHA-256 only
-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "publicTokenHash" TEXT,
ADD COLUMN     "publicTokenRevokedAt" TIMESTAMPTZ(3),
ADD COLUMN     "publicTokenSealed" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_publicTokenHash_key" ON "Shipment"("publicTokenHash");

