import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClaims1764144000000 implements MigrationInterface {
  name = 'CreateClaims1764144000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE claim (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        quote_id    uuid REFERENCES quote(id) ON DELETE RESTRICT,
        speaker_id  uuid REFERENCES speaker(id) ON DELETE RESTRICT,
        text        text NOT NULL CHECK (length(text) > 0),
        text_key    text NOT NULL,
        span_start  int,
        span_end    int,
        status      varchar(16) NOT NULL DEFAULT 'unreviewed'
                    CHECK (status IN ('unreviewed', 'verified', 'disputed', 'false', 'misleading', 'unverifiable')),
        version     int NOT NULL DEFAULT 1,
        created_by  text,
        reviewed_at timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CHECK ((span_start IS NULL) = (span_end IS NULL) AND (span_end IS NULL OR span_end > span_start))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX claim_quote_span_uq ON claim (quote_id, span_start, span_end) NULLS NOT DISTINCT WHERE quote_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX claim_status_idx ON claim (status)`);
    await q.query(`CREATE INDEX claim_text_trgm_idx ON claim USING gin (text_key gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE claim_review (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id        uuid NOT NULL REFERENCES claim(id) ON DELETE RESTRICT,
        verdict         varchar(16) NOT NULL CHECK (verdict IN ('verified', 'disputed', 'false', 'misleading', 'unverifiable')),
        rationale       text NOT NULL CHECK (length(rationale) > 0),
        evidence        jsonb NOT NULL DEFAULT '[]',
        reviewer_key_id uuid,
        reviewer_name   text NOT NULL,
        claim_version   int NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX claim_review_claim_idx ON claim_review (claim_id, created_at)`);
    await q.query(
      `CREATE TRIGGER claim_review_append_only BEFORE UPDATE OR DELETE ON claim_review FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`,
    );
    await q.query(`
      CREATE TABLE claim_quote (
        claim_id     uuid NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
        quote_id     uuid NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
        relation     varchar(16) NOT NULL CHECK (relation IN ('source', 'same-speaker', 'other-speaker')),
        similarity   real NOT NULL,
        needs_review boolean NOT NULL DEFAULT false,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (claim_id, quote_id)
      )`);
    await q.query(`CREATE INDEX claim_quote_quote_idx ON claim_quote (quote_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_quote`);
    await q.query(`DROP TABLE claim_review`);
    await q.query(`DROP TABLE claim`);
  }
}
