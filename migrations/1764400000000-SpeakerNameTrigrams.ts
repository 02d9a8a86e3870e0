import { MigrationInterface, QueryRunner } from 'typeorm';

// Fuzzy speaker search for a query of several words ("Judith Smith") skips surname aliases:
// this trigram index holds the other aliases only, so every other Smith is not even read.
export class SpeakerNameTrigrams1764400000000 implements MigrationInterface {
  name = 'SpeakerNameTrigrams1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX speaker_alias_name_trgm_idx ON speaker_alias USING gin (alias_key gin_trgm_ops) WHERE kind <> 'surname'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX speaker_alias_name_trgm_idx`);
  }
}
