import { MigrationInterface, QueryRunner } from 'typeorm';

// Articles can be edited and dated after ingest (issue 13), and "when" means the published date.
// - article.version: the ETag of PATCH /articles/:id; article.search: full text over title and
//   body for GET /articles?q=; indexes for the publisher and date filters.
// - quote_occurrence.dated / quote.dated: whether the article(s) had a published date. seen_at
//   stays "published date, or ingest time when undated"; a quote's first_seen/last_seen come
//   from its dated occurrences when it has any, so an undated copy never moves a dated quote.
// - quote_ref and quote_occurrence_ref publish `dated` for exports.
export class ArticleDates1764600000000 implements MigrationInterface {
  name = 'ArticleDates1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE article
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', body)) STORED`);
    await q.query(`CREATE INDEX article_search_idx ON article USING gin (search)`);
    await q.query(`CREATE INDEX article_publisher_idx ON article (lower(publisher), seq DESC)`);
    await q.query(`CREATE INDEX article_published_at_idx ON article (published_at)`);

    await q.query(`ALTER TABLE quote_occurrence ADD COLUMN dated boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE quote ADD COLUMN dated boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE quote_occurrence o SET dated = true, seen_at = a.published_at
                     FROM article_ref a WHERE a.id = o.article_id AND a.published_at IS NOT NULL`);
    await q.query(`UPDATE quote q SET dated = x.dated, first_seen = x.first_seen, last_seen = x.last_seen
      FROM (SELECT o.quote_id, bool_or(o.dated) AS dated,
                   COALESCE(min(o.seen_at) FILTER (WHERE o.dated), min(o.seen_at)) AS first_seen,
                   COALESCE(max(o.seen_at) FILTER (WHERE o.dated), max(o.seen_at)) AS last_seen
              FROM quote_occurrence o GROUP BY o.quote_id) x
     WHERE x.quote_id = q.id`);

    // OR REPLACE may only append columns; the comments stay with the views.
    await q.query(`
      CREATE OR REPLACE VIEW quote_ref AS
      SELECT id, speaker_id, text, text_key, search, first_seen, attribution_status, rejected_at, dated
        FROM quote`);
    await q.query(
      `COMMENT ON VIEW quote_ref IS 'Published by quotes: a quote, filterable with quoteFilterConditions (from @app/quotes) as q; rejected_at is set when a reviewer rejected it, dated when an article gave its date.'`,
    );
    await q.query(`
      CREATE OR REPLACE VIEW quote_occurrence_ref AS
      SELECT id, quote_id, article_id, role, organization, speaker_description, seen_at, start_offset, dated
        FROM quote_occurrence`);
    await q.query(
      `COMMENT ON VIEW quote_occurrence_ref IS 'Published by quotes: where a quote appeared, with the speaker''s role as of that article; the first is the earliest dated one (dated DESC, seen_at, start_offset).'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW quote_occurrence_ref`);
    await q.query(`DROP VIEW quote_ref`);
    await q.query(`
      CREATE VIEW quote_ref AS
      SELECT id, speaker_id, text, text_key, search, first_seen, attribution_status, rejected_at
        FROM quote`);
    await q.query(
      `COMMENT ON VIEW quote_ref IS 'Published by quotes: a quote, filterable with quoteFilterConditions (from @app/quotes) as q; rejected_at is set when a reviewer rejected it.'`,
    );
    await q.query(`
      CREATE VIEW quote_occurrence_ref AS
      SELECT id, quote_id, article_id, role, organization, speaker_description, seen_at, start_offset
        FROM quote_occurrence`);
    await q.query(
      `COMMENT ON VIEW quote_occurrence_ref IS 'Published by quotes: where a quote appeared, with the speaker''s role as of that article; the first is the earliest (seen_at, start_offset).'`,
    );
    await q.query(`ALTER TABLE quote DROP COLUMN dated`);
    await q.query(`ALTER TABLE quote_occurrence DROP COLUMN dated`);
    await q.query(`DROP INDEX article_published_at_idx`);
    await q.query(`DROP INDEX article_publisher_idx`);
    await q.query(`DROP INDEX article_search_idx`);
    await q.query(`ALTER TABLE article DROP COLUMN search, DROP COLUMN version`);
  }
}
