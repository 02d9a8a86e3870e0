import { MigrationInterface, QueryRunner } from 'typeorm';

// A reviewer rejects a "quote" that is not a quotation (a sign, a scare quote) and withdraws a
// claim made by mistake. Both stay in the database for the record; the published views carry
// the flag (quote_ref) or leave the withdrawn claim out (claim_verdict_ref), so exports, claim
// matching and verdicts on hits stop counting them.
export class RejectQuotesWithdrawClaims1764550000000 implements MigrationInterface {
  name = 'RejectQuotesWithdrawClaims1764550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quote
      ADD COLUMN rejected_at timestamptz,
      ADD COLUMN rejected_by text,
      ADD COLUMN rejected_reason text`);
    await q.query(`CREATE OR REPLACE VIEW quote_ref AS
      SELECT id, speaker_id, text, text_key, search, first_seen, attribution_status, rejected_at
        FROM quote`);
    await q.query(
      `COMMENT ON VIEW quote_ref IS 'Published by quotes: a quote, filterable with quoteFilterConditions (from @app/quotes) as q; rejected_at is set when a reviewer rejected it.'`,
    );
    await q.query(`ALTER TABLE claim DROP CONSTRAINT claim_status_check`);
    await q.query(`ALTER TABLE claim ADD CONSTRAINT claim_status_check CHECK (status IN
      ('unreviewed', 'verified', 'disputed', 'false', 'misleading', 'unverifiable', 'withdrawn'))`);
    await q.query(`ALTER TABLE claim
      ADD COLUMN withdrawn_at timestamptz,
      ADD COLUMN withdrawn_by text,
      ADD COLUMN withdrawn_reason text`);
    await q.query(`CREATE OR REPLACE VIEW claim_verdict_ref AS
      SELECT l.quote_id, c.id AS claim_id, c.status, c.reviewed_at,
             r.reviewer_name, r.created_at AS review_created_at, r.evidence
        FROM claim_quote l
        JOIN claim c ON c.id = l.claim_id
        LEFT JOIN LATERAL (
          SELECT r.reviewer_name, r.created_at, r.evidence
            FROM claim_review r WHERE r.claim_id = c.id ORDER BY r.created_at DESC LIMIT 1) r ON true
       WHERE l.relation IN ('source', 'same-speaker') AND c.status <> 'withdrawn'`);
    await q.query(
      `COMMENT ON VIEW claim_verdict_ref IS 'Published by claims: one row per standing (not withdrawn) claim whose verdict a quote carries, with that claim''s latest review.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE VIEW claim_verdict_ref AS
      SELECT l.quote_id, c.id AS claim_id, c.status, c.reviewed_at,
             r.reviewer_name, r.created_at AS review_created_at, r.evidence
        FROM claim_quote l
        JOIN claim c ON c.id = l.claim_id
        LEFT JOIN LATERAL (
          SELECT r.reviewer_name, r.created_at, r.evidence
            FROM claim_review r WHERE r.claim_id = c.id ORDER BY r.created_at DESC LIMIT 1) r ON true
       WHERE l.relation IN ('source', 'same-speaker')`);
    await q.query(
      `ALTER TABLE claim DROP COLUMN withdrawn_reason, DROP COLUMN withdrawn_by, DROP COLUMN withdrawn_at`,
    );
    await q.query(`ALTER TABLE claim DROP CONSTRAINT claim_status_check`);
    await q.query(`ALTER TABLE claim ADD CONSTRAINT claim_status_check CHECK (status IN
      ('unreviewed', 'verified', 'disputed', 'false', 'misleading', 'unverifiable'))`);
    await q.query(`DROP VIEW quote_ref`);
    await q.query(`CREATE VIEW quote_ref AS
      SELECT id, speaker_id, text, text_key, search, first_seen, attribution_status FROM quote`);
    await q.query(
      `COMMENT ON VIEW quote_ref IS 'Published by quotes: a quote, filterable with quoteFilterConditions (from @app/quotes) as q.'`,
    );
    await q.query(
      `ALTER TABLE quote DROP COLUMN rejected_reason, DROP COLUMN rejected_by, DROP COLUMN rejected_at`,
    );
  }
}
