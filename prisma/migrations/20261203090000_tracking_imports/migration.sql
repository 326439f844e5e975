-- CreateEnum
CREATE TYPE "TrackingImportState" AS ENUM ('RUNNING', 'FINISHED', 'FAILED');

-- CreateTable
CREATE TABLE "TrackingImport" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "state" "TrackingImportState" NOT NULL DEFAULT 'RUNNING',
    "rows" INTEGER NOT NULL DEFAULT 0,
    "applied" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "errorsNotListed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TrackingImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrackingImport_tenantId_createdAt_idx" ON "TrackingImport"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "TrackingImport" ADD CONSTRAINT "TrackingImport_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

