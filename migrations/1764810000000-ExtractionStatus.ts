import { MigrationInterface, QueryRunner } from 'typeorm';

// Extraction can run later, on a queue worker (issue 15): article_extraction also records the
// articles waiting for it (`pending`) and those whose job gave up (`failed`, with the error).
// A pending row has no engine version or time yet. Existing rows were extracted: `done`.
export class ExtractionStatus1764810000000 implements MigrationInterface {
  name = 'ExtractionStatus1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE article_extraction
      ADD COLUMN status text NOT NULL DEFAULT 'done' CHECK (status IN ('pending', 'done', 'failed')),
      ADD COLUMN error text,
      ALTER COLUMN engine_version DROP NOT NULL,
      ALTER COLUMN extracted_at DROP NOT NULL`);
    await q.query(`CREATE INDEX article_extraction_waiting_idx ON article_extraction (status)
                     WHERE status <> 'done'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Articles never extracted lose their row: the start-up repair extracts them again.
    await q.query(`DELETE FROM article_extraction WHERE status <> 'done'`);
    await q.query(`DROP INDEX article_extraction_waiting_idx`);
    await q.query(`ALTER TABLE article_extraction DROP COLUMN status, DROP COLUMN error,
      ALTER COLUMN engine_version SET NOT NULL, ALTER COLUMN extracted_at SET NOT NULL`);
  }
}
