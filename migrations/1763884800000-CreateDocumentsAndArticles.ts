import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDocumentsAndArticles1763884800000 implements MigrationInterface {
  name = 'CreateDocumentsAndArticles1763884800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sha256       char(64) NOT NULL UNIQUE,
        body         text NOT NULL,
        source       varchar(16) NOT NULL CHECK (source IN ('api', 'seed', 'cli')),
        filename     text,
        title        text,
        url          text,
        publisher    text,
        published_at timestamptz,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE article (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq          bigserial NOT NULL UNIQUE,
        sha256       char(64) NOT NULL UNIQUE,
        kind         varchar(16) NOT NULL CHECK (kind IN ('article', 'teaser')),
        kicker       text,
        truncated    boolean NOT NULL,
        body         text NOT NULL,
        title        text,
        url          text,
        publisher    text,
        published_at timestamptz,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE article_source (
        document_id  uuid NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        position     int NOT NULL,
        article_id   uuid NOT NULL REFERENCES article(id) ON DELETE RESTRICT,
        start_offset int NOT NULL,
        end_offset   int NOT NULL,
        PRIMARY KEY (document_id, position),
        CHECK (start_offset >= 0 AND end_offset >= start_offset)
      )`);
    await q.query(`CREATE INDEX article_source_article_idx ON article_source (article_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE article_source`);
    await q.query(`DROP TABLE article`);
    await q.query(`DROP TABLE document`);
  }
}
