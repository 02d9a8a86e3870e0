import { Injectable } from '@nestjs/common';
import { prepared, TxRepository } from '@app/database';
import { ClaimQuoteEntity } from './entities/claim-quote.entity';
import { ClaimReviewEntity } from './entities/claim-review.entity';
import { ClaimEntity } from './entities/claim.entity';
import type { ClaimLink, ClaimStatus } from './verdicts';

export interface MatchCandidate {
  id: string;
  speaker_id: string | null;
  similarity: number;
}

// Near-same wording: trigram similarity this high, or one text containing the other.
export const MATCH_THRESHOLD = 0.7;

// The only code that names claim, claim_review and claim_quote. Other libs read the
// claim_verdict_ref view (migration PublishReadModels). test/boundaries checks that no other
// lib names the tables.
@Injectable()
export class ClaimRepository extends TxRepository {
  async insert(
    c: Pick<
      ClaimEntity,
      'quoteId' | 'speakerId' | 'text' | 'textKey' | 'spanStart' | 'spanEnd' | 'createdBy'
    >,
  ): Promise<ClaimEntity | null> {
    // Null when the quote (span) already has a claim (claim_quote_span_uq), even one committed by
    // a concurrent request after this transaction began: ON CONFLICT waits for it, then skips.
    const { raw } = (await this.db
      .createQueryBuilder()
      .insert()
      .into(ClaimEntity)
      .values({ ...c, status: 'unreviewed', version: 1 })
      .orIgnore()
      .returning('id')
      .execute()) as { raw: { id: string }[] };
    return raw.length ? this.db.findOneByOrFail(ClaimEntity, { id: raw[0].id }) : null;
  }

  findById(id: string): Promise<ClaimEntity | null> {
    return this.db.findOneBy(ClaimEntity, { id });
  }

  async lockForReview(id: string): Promise<ClaimEntity | null> {
    return this.db
      .createQueryBuilder(ClaimEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
  }

  findBySpan(
    quoteId: string,
    start: number | null,
    end: number | null,
  ): Promise<ClaimEntity | null> {
    return this.db
      .createQueryBuilder(ClaimEntity, 'c')
      .where(
        'c.quote_id = :quoteId AND c.span_start IS NOT DISTINCT FROM :start AND c.span_end IS NOT DISTINCT FROM :end',
        { quoteId, start, end },
      )
      .getOne();
  }

  async appendReview(review: Omit<ClaimReviewEntity, 'id' | 'createdAt'>): Promise<void> {
    await this.db.insert(ClaimReviewEntity, review);
    await this.db.query(
      `UPDATE claim SET status = $2, version = version + 1, reviewed_at = now(), updated_at = now() WHERE id = $1`,
      [review.claimId, review.verdict],
    );
  }

  reviewsOf(claimId: string): Promise<ClaimReviewEntity[]> {
    return this.db.find(ClaimReviewEntity, {
      where: { claimId },
      order: { createdAt: 'ASC' },
    });
  }

  linksOf(claimId: string): Promise<ClaimQuoteEntity[]> {
    return this.db.find(ClaimQuoteEntity, { where: { claimId }, order: { createdAt: 'ASC' } });
  }

  async link(l: Omit<ClaimQuoteEntity, 'createdAt'>): Promise<boolean> {
    const r = await this.db
      .createQueryBuilder()
      .insert()
      .into(ClaimQuoteEntity)
      .values(l)
      .orIgnore()
      .returning('quote_id')
      .execute();
    return r.raw.length > 0;
  }

  // Links of a batch in one statement, in (claim, quote) order (the order their keys are
  // locked in); answers the links that are new.
  async linkMany(
    links: { claimId: string; quoteId: string; relation: ClaimLink; similarity: number }[],
  ): Promise<{ claimId: string; quoteId: string; relation: ClaimLink; similarity: number }[]> {
    const rows = [...new Map(links.map((l) => [`${l.claimId}|${l.quoteId}`, l])).values()].sort(
      (a, b) => cmp(a.claimId, b.claimId) || cmp(a.quoteId, b.quoteId),
    );
    if (!rows.length) return [];
    return this.db.query(
      `INSERT INTO claim_quote (claim_id, quote_id, relation, similarity, needs_review)
       SELECT claim_id, quote_id, relation, similarity, relation = 'other-speaker'
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::real[]) WITH ORDINALITY
              AS v(claim_id, quote_id, relation, similarity, n)
        ORDER BY n
       ON CONFLICT DO NOTHING
       RETURNING claim_id AS "claimId", quote_id AS "quoteId", relation, similarity`,
      [
        rows.map((r) => r.claimId),
        rows.map((r) => r.quoteId),
        rows.map((r) => r.relation),
        rows.map((r) => r.similarity),
      ],
    );
  }

  // The claims each quote repeats (trigram similarity of MATCH_THRESHOLD or more) or contains,
  // best 10 a quote, for all the quotes of a batch in one query. Quotes already joined to a
  // claim are left out. Only claims with an anchor among the quote's lexemes (or none at all)
  // are compared (claim_anchors_idx, migration ClaimAnchors). With no claims at all (a fresh
  // archive load) a one-time filter skips the quotes' lexemes altogether.
  async claimsMatchingQuotes(
    quotes: { quoteId: string; textKey: string }[],
  ): Promise<{ quoteId: string; claimId: string; speakerId: string | null; similarity: number }[]> {
    if (!quotes.length) return [];
    return this.db.query(
      prepared(`SELECT m.quote_id AS "quoteId", c.id AS "claimId", c.speaker_id AS "speakerId", c.similarity
         FROM unnest($1::uuid[], $2::text[]) AS m(quote_id, text_key)
         CROSS JOIN LATERAL (
           SELECT c.id, c.speaker_id,
                  GREATEST(similarity(c.text_key, m.text_key), CASE WHEN strpos(m.text_key, c.text_key) > 0 THEN 1 ELSE 0 END)::float AS similarity
             FROM claim c
            WHERE (c.anchors && tsvector_to_array(to_tsvector('english', m.text_key)) OR c.anchors = '{}')
              AND c.status <> 'withdrawn'
              AND (similarity(c.text_key, m.text_key) >= $3 OR strpos(m.text_key, c.text_key) > 0)
            ORDER BY similarity DESC, c.id LIMIT 10) c
        WHERE EXISTS (SELECT 1 FROM claim WHERE status <> 'withdrawn')
          AND NOT EXISTS (SELECT 1 FROM claim_quote l WHERE l.quote_id = m.quote_id)
        ORDER BY m.quote_id, c.similarity DESC, c.id`),
      [quotes.map((q) => q.quoteId), quotes.map((q) => q.textKey), MATCH_THRESHOLD],
    );
  }

  async page(
    f: { status?: ClaimStatus; flagged?: boolean; speakerId?: string },
    limit: number,
    after: { createdAt: string; id: string } | null,
  ): Promise<ClaimEntity[]> {
    const qb = this.db
      .createQueryBuilder(ClaimEntity, 'c')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit);
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    else qb.andWhere(`c.status <> 'withdrawn'`);
    if (f.speakerId) qb.andWhere('c.speaker_id = :speakerId', { speakerId: f.speakerId });
    if (f.flagged)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM claim_quote l WHERE l.claim_id = c.id AND l.needs_review)',
      );
    if (after) qb.andWhere('(c.created_at, c.id) < (:createdAt::timestamptz, :id::uuid)', after);
    return qb.getMany();
  }

  async reviewedIds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM claim WHERE status NOT IN ('unreviewed', 'withdrawn') ORDER BY reviewed_at DESC, id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async quoteIdsCarrying(statuses: string[]): Promise<string[]> {
    const rows: { quote_id: string }[] = await this.db.query(
      `SELECT DISTINCT l.quote_id FROM claim_quote l JOIN claim c ON c.id = l.claim_id
        WHERE l.relation IN ('source', 'same-speaker') AND c.status = ANY($1)`,
      [statuses],
    );
    return rows.map((r) => r.quote_id);
  }

  async referenced(quoteIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT quote_id AS id FROM claim WHERE quote_id = ANY($1::uuid[]) UNION SELECT quote_id FROM claim_quote WHERE quote_id = ANY($1::uuid[])`,
      [quoteIds],
    );
    return rows.map((r) => r.id);
  }

  async moveQuote(fromId: string, intoId: string): Promise<void> {
    await this.db.query(`UPDATE claim SET quote_id = $2, updated_at = now() WHERE quote_id = $1`, [
      fromId,
      intoId,
    ]);
    await this.db.query(
      `INSERT INTO claim_quote (claim_id, quote_id, relation, similarity, needs_review, created_at)
       SELECT claim_id, $2, relation, similarity, needs_review, created_at FROM claim_quote WHERE quote_id = $1
       ON CONFLICT DO NOTHING`,
      [fromId, intoId],
    );
    await this.db.query(`DELETE FROM claim_quote WHERE quote_id = $1`, [fromId]);
  }

  async moveSpeaker(fromId: string, intoId: string): Promise<void> {
    await this.db.query(
      `UPDATE claim SET speaker_id = $2, updated_at = now() WHERE speaker_id = $1`,
      [fromId, intoId],
    );
  }

  async linkRelation(
    claimId: string,
    quoteId: string,
    relation: ClaimLink,
    similarity: number,
  ): Promise<boolean> {
    return this.link({
      claimId,
      quoteId,
      relation,
      similarity,
      needsReview: relation === 'other-speaker',
    });
  }

  // A speaker's claims by status.
  statusCounts(speakerId: string): Promise<{ status: string; count: number }[]> {
    return this.db.query(
      `SELECT status, count(*)::int AS count FROM claim WHERE speaker_id = $1 GROUP BY status`,
      [speakerId],
    );
  }

  // Claims made from this quote that named its old speaker now name the new one.
  reattributeClaimsOfQuote(
    quoteId: string,
    fromSpeakerId: string | null,
    toSpeakerId: string | null,
  ): Promise<{ id: string; version: number }[]> {
    return this.db
      .query(
        `UPDATE claim SET speaker_id = $3, version = version + 1, updated_at = now()
          WHERE quote_id = $1 AND speaker_id IS NOT DISTINCT FROM $2
          RETURNING id, version`,
        [quoteId, fromSpeakerId, toSpeakerId],
      )
      .then((r: [{ id: string; version: number }[], number]) => r[0]);
  }

  async withdraw(id: string, by: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE claim SET status = 'withdrawn', withdrawn_at = now(), withdrawn_by = $2,
              withdrawn_reason = $3, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, by, reason],
    );
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
