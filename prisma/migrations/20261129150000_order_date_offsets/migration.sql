-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "placedAtOffsetMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "promisedDeliveryFromOffsetMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "promisedDeliveryToOffsetMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shipByDateOffsetMinutes" INTEGER NOT NULL DEFAULT 0;

