-- Secrets stored before encryption at rest: marked as clear text, so they keep verifying and
-- start-up seals them with TRACKLINE_SECRET_KEY (decision 026). No row was sealed before this.
UPDATE "WebhookEndpoint" SET "secret" = 'v0:' || "secret";
