-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "shippedAtOffsetMinutes" INTEGER NOT NULL DEFAULT 0;

