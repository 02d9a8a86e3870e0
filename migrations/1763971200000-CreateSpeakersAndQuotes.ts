import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSpeakersAndQuotes1763971200000 implements MigrationInterface {
  name = 'CreateSpeakersAndQuotes1763971200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE speaker (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        text NOT NULL,
        name_key    text NOT NULL,
        native_name text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX speaker_name_key_idx ON speaker (name_key)`);
    await q.query(`
      CREATE TABLE speaker_alias (
        speaker_id uuid NOT NULL REFERENCES speaker(id) ON DELETE CASCADE,
        alias_key  text NOT NULL,
        alias      text NOT NULL,
        kind       varchar(16) NOT NULL CHECK (kind IN ('name', 'surname', 'native', 'variant')),
        PRIMARY KEY (speaker_id, alias_key)
      )`);
    await q.query(`CREATE INDEX speaker_alias_key_idx ON speaker_alias (alias_key)`);
    await q.query(
      `CREATE INDEX speaker_alias_trgm_idx ON speaker_alias USING gin (alias_key gin_trgm_ops)`,
    );
    await q.query(`
      CREATE TABLE speaker_affiliation (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        speaker_id      uuid NOT NULL REFERENCES speaker(id) ON DELETE CASCADE,
        role            text,
        organization    text,
        affiliation_key text NOT NULL,
        first_seen      timestamptz NOT NULL,
        last_seen       timestamptz NOT NULL,
        article_ids     uuid[] NOT NULL DEFAULT '{}',
        UNIQUE (speaker_id, affiliation_key)
      )`);
    await q.query(`
      CREATE TABLE quote (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        speaker_id         uuid REFERENCES speaker(id) ON DELETE RESTRICT,
        text               text NOT NULL CHECK (length(text) > 0),
        text_key           text NOT NULL,
        search             tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        first_seen         timestamptz NOT NULL,
        last_seen          timestamptz NOT NULL,
        attribution_status varchar(16) NOT NULL DEFAULT 'unverified'
                           CHECK (attribution_status IN ('unverified', 'confirmed', 'misattributed')),
        corrected_at       timestamptz,
        corrected_by       text,
        version            int NOT NULL DEFAULT 1,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    // One statement per (speaker, wording); unattributed quotes dedupe among themselves.
    await q.query(
      `CREATE UNIQUE INDEX quote_speaker_text_uq ON quote (speaker_id, md5(text_key)) NULLS NOT DISTINCT`,
    );
    await q.query(`CREATE INDEX quote_search_idx ON quote USING gin (search)`);
    await q.query(`CREATE INDEX quote_text_trgm_idx ON quote USING gin (text_key gin_trgm_ops)`);
    await q.query(`CREATE INDEX quote_first_seen_idx ON quote (first_seen DESC, id DESC)`);
    await q.query(
      `CREATE INDEX quote_speaker_seen_idx ON quote (speaker_id, first_seen DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE quote_occurrence (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        quote_id            uuid NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
        article_id          uuid NOT NULL REFERENCES article(id) ON DELETE CASCADE,
        start_offset        int NOT NULL,
        end_offset          int NOT NULL,
        wording             text NOT NULL,
        mention             text,
        cue                 text,
        rule                text NOT NULL,
        confidence          real NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        partial             boolean NOT NULL,
        unterminated        boolean NOT NULL,
        role                text,
        organization        text,
        speaker_description text,
        seen_at             timestamptz NOT NULL,
        engine_version      text NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (article_id, start_offset),
        CHECK (end_offset >= start_offset)
      )`);
    await q.query(`CREATE INDEX quote_occurrence_quote_idx ON quote_occurrence (quote_id)`);
    await q.query(`
      CREATE TABLE article_extraction (
        article_id     uuid PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
        engine_version text NOT NULL,
        extracted_at   timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE article_extraction`);
    await q.query(`DROP TABLE quote_occurrence`);
    await q.query(`DROP TABLE quote`);
    await q.query(`DROP TABLE speaker_affiliation`);
    await q.query(`DROP TABLE speaker_alias`);
    await q.query(`DROP TABLE speaker`);
  }
}
