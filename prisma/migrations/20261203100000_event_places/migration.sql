-- CreateEnum
CREATE TYPE "GeoPrecision" AS ENUM ('EXACT', 'CITY', 'REGION', 'COUNTRY');

-- AlterTable
ALTER TABLE "TrackingEvent" ADD COLUMN     "geoPrecision" "GeoPrecision";

-- Coordinates stored before this migration all came from carriers.
-- Rows without coordinates stay null and are geocoded when read (decision 039).
UPDATE "TrackingEvent" SET "geoPrecision" = 'EXACT' WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL;
