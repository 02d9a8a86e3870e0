import { MigrationInterface, QueryRunner } from 'typeorm';

// claim_review refused UPDATE and DELETE but not TRUNCATE; audit_log has refused all three from
// the start. The app's role cannot TRUNCATE at all (it lacks the privilege): this trigger is the
// second line, for the owner's own sessions.
export class ClaimReviewNoTruncate1764480000000 implements MigrationInterface {
  name = 'ClaimReviewNoTruncate1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TRIGGER claim_review_no_truncate BEFORE TRUNCATE ON claim_review FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER claim_review_no_truncate ON claim_review`);
  }
}
