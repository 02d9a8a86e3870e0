import { MigrationInterface, QueryRunner } from 'typeorm';

// Indexes and statistics for the three lookups at a million quotes (see bench/ and the README).
export class SpeedUpLookups1764260000000 implements MigrationInterface {
  name = 'SpeedUpLookups1764260000000';

  async up(q: QueryRunner): Promise<void> {
    // Speaker search: exact and prefix matches on alias keys through a btree. The database
    // collation is not C, so the plain alias_key index cannot serve LIKE 'prefix%'.
    await q.query(
      `CREATE INDEX speaker_alias_key_prefix_idx ON speaker_alias (alias_key text_pattern_ops) INCLUDE (speaker_id, alias)`,
    );
    // "Who said this?" no longer scans the trigrams of every quote (seconds at a million quotes);
    // this index was only there for it and made every ingest pay for ~150 trigrams per quote.
    await q.query(`DROP INDEX quote_text_trgm_idx`);
    // Statistics on every lexeme of a realistic vocabulary (up to 10,000 most common ones): the
    // planner chooses between walking quote_first_seen_idx and reading the GIN matches from them,
    // and the lookup reads word frequencies from them to pick the rarest words.
    await q.query(`ALTER TABLE quote ALTER COLUMN search SET STATISTICS 1000`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quote ALTER COLUMN search SET STATISTICS -1`);
    await q.query(`CREATE INDEX quote_text_trgm_idx ON quote USING gin (text_key gin_trgm_ops)`);
    await q.query(`DROP INDEX speaker_alias_key_prefix_idx`);
  }
}
