-- AlterTable
ALTER TABLE "TrackingEvent" ADD COLUMN     "carrier" TEXT;

