-- Row-level security on every table with a tenantId column, decision 042.
-- An operation of one tenant sets trackline.tenant_id on its connection and sees only the rows
-- of that tenant. Jobs, webhook ingestion and migrations leave it empty and see every row.
-- FORCE makes the policies hold for the owner of the tables too, which is what the server
-- usually connects as. Superusers bypass them, as PostgreSQL always lets them.
-- Plain statements: prisma migrate deploy splits a script at every semicolon, so a DO block
-- would not survive it. A table added later adds its own policy in its own migration.

ALTER TABLE "ApiKey" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiKey" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ApiKey" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "Store" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Store" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Store" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "Order" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Order" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Order" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "Shipment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Shipment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Shipment" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "ShipmentRisk" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ShipmentRisk" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ShipmentRisk" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "ShipmentException" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ShipmentException" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ShipmentException" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "WebhookEndpoint" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WebhookEndpoint" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WebhookEndpoint" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "WebhookSubscription" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WebhookSubscription" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WebhookSubscription" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "OutboundWebhookDelivery" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OutboundWebhookDelivery" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OutboundWebhookDelivery" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "DeliveryHistory" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DeliveryHistory" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DeliveryHistory" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "StoreNotificationRules" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StoreNotificationRules" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StoreNotificationRules" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "BuyerNotificationPreference" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BuyerNotificationPreference" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BuyerNotificationPreference" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "BuyerNotification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BuyerNotification" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BuyerNotification" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "ReviewRequest" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ReviewRequest" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ReviewRequest" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");

ALTER TABLE "TrackingImport" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TrackingImport" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TrackingImport" USING (coalesce(nullif(current_setting('trackline.tenant_id', true), ''), "tenantId") = "tenantId");
