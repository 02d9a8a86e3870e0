import { MigrationInterface, QueryRunner } from 'typeorm';

// What each lib publishes for other libs to read (issue 11): only a lib's own repositories name
// its tables, and a lib that must read another's data in SQL reads these views. They are plain
// views, so the planner inlines them into the reading statement and plans it as it planned the
// tables; columns are the ones the readers use. Each carries a `Published by <lib>` comment,
// which the boundary test (test/boundaries) reads to know who owns it.
export class PublishReadModels1764470000000 implements MigrationInterface {
  name = 'PublishReadModels1764470000000';

  async up(q: QueryRunner): Promise<void> {
    // articles: what a quote hit or a sheet row shows of its article, and the documents it came from.
    await q.query(`
      CREATE VIEW article_ref AS
      SELECT id, kind, kicker, title, left(body, 200) AS lead, length(body) AS body_length,
             url, publisher, published_at
        FROM article`);
    await q.query(
      `COMMENT ON VIEW article_ref IS 'Published by articles: an article as a quote shows it (lead = first 200 characters of the body).'`,
    );
    await q.query(`
      CREATE VIEW article_source_ref AS
      SELECT src.article_id, src.document_id, src.position, d.filename, d.url, d.created_at AS document_created_at
        FROM article_source src JOIN document d ON d.id = src.document_id`);
    await q.query(
      `COMMENT ON VIEW article_source_ref IS 'Published by articles: the documents an article appeared in, one row per (article, document position).'`,
    );
    // speakers: a speaker's display names.
    await q.query(`CREATE VIEW speaker_ref AS SELECT id, name, native_name FROM speaker`);
    await q.query(
      `COMMENT ON VIEW speaker_ref IS 'Published by speakers: a speaker''s display name and native-script name.'`,
    );
    // quotes: quotes and where they appeared, for exports and for claim matching. `search` and
    // `text_key` are there so quoteFilterConditions and trigram matching apply to the view.
    await q.query(`
      CREATE VIEW quote_ref AS
      SELECT id, speaker_id, text, text_key, search, first_seen, attribution_status FROM quote`);
    await q.query(
      `COMMENT ON VIEW quote_ref IS 'Published by quotes: a quote, filterable with quoteFilterConditions (from @app/quotes) as q.'`,
    );
    await q.query(`
      CREATE VIEW quote_occurrence_ref AS
      SELECT id, quote_id, article_id, role, organization, speaker_description, seen_at, start_offset
        FROM quote_occurrence`);
    await q.query(
      `COMMENT ON VIEW quote_occurrence_ref IS 'Published by quotes: where a quote appeared, with the speaker''s role as of that article; the first is the earliest (seen_at, start_offset).'`,
    );
    // claims: the verdicts a quote carries (its own claims and those it repeats as the same
    // speaker), each with the claim's latest review.
    await q.query(`
      CREATE VIEW claim_verdict_ref AS
      SELECT l.quote_id, c.id AS claim_id, c.status, c.reviewed_at,
             r.reviewer_name, r.created_at AS review_created_at, r.evidence
        FROM claim_quote l
        JOIN claim c ON c.id = l.claim_id
        LEFT JOIN LATERAL (
          SELECT r.reviewer_name, r.created_at, r.evidence
            FROM claim_review r WHERE r.claim_id = c.id ORDER BY r.created_at DESC LIMIT 1) r ON true
       WHERE l.relation IN ('source', 'same-speaker')`);
    await q.query(
      `COMMENT ON VIEW claim_verdict_ref IS 'Published by claims: one row per claim whose verdict a quote carries, with that claim''s latest review; the quote''s verdict is the one reviewed last.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW claim_verdict_ref`);
    await q.query(`DROP VIEW quote_occurrence_ref`);
    await q.query(`DROP VIEW quote_ref`);
    await q.query(`DROP VIEW speaker_ref`);
    await q.query(`DROP VIEW article_source_ref`);
    await q.query(`DROP VIEW article_ref`);
  }
}
