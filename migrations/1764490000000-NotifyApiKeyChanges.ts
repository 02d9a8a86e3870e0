import { MigrationInterface, QueryRunner } from 'typeorm';

// Every API process caches verified keys (scrypt is slow by design). A change to a key row —
// revocation above all — is announced on the channel api_key_changed, from whatever process or
// session made it (API, CLI, psql). Postgres delivers the NOTIFY when that transaction commits,
// so a listener evicts the key exactly when the revocation becomes visible.
export class NotifyApiKeyChanges1764490000000 implements MigrationInterface {
  name = 'NotifyApiKeyChanges1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION api_key_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_LEVEL = 'STATEMENT' THEN
          PERFORM pg_notify('api_key_changed', '*');
        ELSE
          PERFORM pg_notify('api_key_changed', OLD.id::text);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER api_key_changed AFTER UPDATE OR DELETE ON api_key
        FOR EACH ROW EXECUTE FUNCTION api_key_notify_change()`);
    await q.query(`
      CREATE TRIGGER api_key_truncated AFTER TRUNCATE ON api_key
        FOR EACH STATEMENT EXECUTE FUNCTION api_key_notify_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER api_key_truncated ON api_key`);
    await q.query(`DROP TRIGGER api_key_changed ON api_key`);
    await q.query(`DROP FUNCTION api_key_notify_change()`);
  }
}
