-- Row-level security on every table with a tenantId column, decision 042.
-- An operation of one tenant sets trackline.tenant_id on its connection and sees only that
-- tenant's rows. Jobs, webhook ingestion and migrations leave it empty and see every row.
-- FORCE makes the policies hold for the tables' owner too, which is what the server
-- usually connects as. Superusers bypass them, as PostgreSQL always lets them.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb
      ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND c.column_name = 'tenantId'
      AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.table_name);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (coalesce(nullif(current_setting(%L, true), %L), "tenantId") = "tenantId")',
      t.table_name, 'trackline.tenant_id', '');
  END LOOP;
END
$$;
