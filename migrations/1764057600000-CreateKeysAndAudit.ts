import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateKeysAndAudit1764057600000 implements MigrationInterface {
  name = 'CreateKeysAndAudit1764057600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_key (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name       text NOT NULL,
        role       varchar(16) NOT NULL CHECK (role IN ('admin', 'reviewer', 'journalist')),
        lookup     char(16) NOT NULL,
        hash       text NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_key_lookup_idx ON api_key (lookup) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE audit_log (
        id           bigserial PRIMARY KEY,
        at           timestamptz NOT NULL DEFAULT now(),
        actor_key_id uuid,
        actor_name   text NOT NULL,
        actor_role   varchar(16),
        action       text NOT NULL,
        target_type  text NOT NULL,
        target_id    text,
        before       jsonb,
        after        jsonb,
        request_id   text
      )`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id)`);
    // History cannot be rewritten, not even by a bug in this code.
    await q.query(`
      CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`,
    );
    await q.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION refuse_history_change()`);
    await q.query(`DROP TABLE api_key`);
  }
}
