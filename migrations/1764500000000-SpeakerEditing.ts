import { MigrationInterface, QueryRunner } from 'typeorm';

// Reviewers create and edit speakers: a kind (person or organisation), a version for If-Match,
// affiliations a reviewer entered or changed (never overwritten by extraction), and a redirect
// from a merged speaker's old id to the survivor.
export class SpeakerEditing1764500000000 implements MigrationInterface {
  name = 'SpeakerEditing1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE speaker
      ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organization')),
      ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE speaker_affiliation ADD COLUMN edited_by text`);
    await q.query(`CREATE TABLE speaker_redirect (
      from_id   uuid PRIMARY KEY,
      into_id   uuid NOT NULL REFERENCES speaker(id) ON DELETE CASCADE,
      merged_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX speaker_redirect_into_idx ON speaker_redirect (into_id)`);
    await q.query(`CREATE INDEX speaker_name_idx ON speaker (name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX speaker_name_idx`);
    await q.query(`DROP TABLE speaker_redirect`);
    await q.query(`ALTER TABLE speaker_affiliation DROP COLUMN edited_by`);
    await q.query(`ALTER TABLE speaker DROP COLUMN version, DROP COLUMN kind`);
  }
}
