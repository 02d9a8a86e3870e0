import { ArticlesModule, ArticlesService } from '@app/articles';
import { requestContext } from '@app/common';
import { ClaimsErrorCode, ClaimsModule, ClaimsService, CreateReviewDto } from '@app/claims';
import { QuotesModule } from '@app/quotes';
import { newQuote, newSpeaker } from './factories';
import { createMediumApp, MediumApp } from './medium-app';

const review = (verdict: CreateReviewDto['verdict']): CreateReviewDto => ({
  verdict,
  rationale: 'Checked against the council minutes',
  evidence: [{ url: 'https://example.org/minutes' }],
});

const asReviewer = <T>(fn: () => Promise<T>) =>
  requestContext.run(
    {
      requestId: 'medium-test',
      actor: { keyId: null, name: 'Rita Reviewer', role: 'reviewer' },
    },
    fn,
  );

describe('ClaimsService: claims, reviews with versions, matching', () => {
  let t: MediumApp;
  let claims: ClaimsService;

  beforeAll(async () => {
    // Matching a later quote needs the ingest path that raises quote.persisted.
    t = await createMediumApp({ imports: [ArticlesModule, QuotesModule, ClaimsModule] });
    claims = t.get(ClaimsService);
  });
  afterAll(() => t.close());

  describe('create', () => {
    it('makes a quote a claim, unreviewed, with the quote’s speaker, once', async () => {
      const speaker = await newSpeaker(t.dataSource);
      const quote = await newQuote(t.dataSource, {
        speakerId: speaker.id,
        text: 'Unemployment has halved since 2019',
      });
      const claim = await claims.create({ quoteId: quote.id });
      expect(claim).toMatchObject({
        text: 'Unemployment has halved since 2019',
        status: 'unreviewed',
        version: 1,
        quoteId: quote.id,
        speaker: { id: speaker.id },
        occurrences: [expect.objectContaining({ relation: 'source' })],
      });
      await expect(claims.create({ quoteId: quote.id })).rejects.toMatchObject({
        code: ClaimsErrorCode.Duplicate,
      });
    });

    it('makes a free-text claim for a speaker, and refuses an unknown speaker', async () => {
      const speaker = await newSpeaker(t.dataSource);
      const claim = await claims.create({
        text: 'The new line carries 40,000 riders a day, ',
        speakerId: speaker.id,
      });
      expect(claim).toMatchObject({
        text: 'The new line carries 40,000 riders a day',
        quoteId: null,
        speaker: { id: speaker.id },
      });
      await expect(
        claims.create({ text: 'Anything', speakerId: '00000000-0000-4000-8000-000000000000' }),
      ).rejects.toMatchObject({ code: ClaimsErrorCode.SpeakerNotFound });
    });
  });

  describe('review', () => {
    it('appends a review against the current version and keeps the history', async () => {
      const speaker = await newSpeaker(t.dataSource);
      const { id } = await claims.create({ text: 'Crime fell by a third', speakerId: speaker.id });

      const first = await asReviewer(() => claims.review(id, review('disputed'), '"1"'));
      expect(first).toMatchObject({ status: 'disputed', version: 2 });
      const second = await asReviewer(() => claims.review(id, review('false'), '"2"'));
      expect(second).toMatchObject({ status: 'false', version: 3 });
      expect(second.history.map((h) => [h.verdict, h.claimVersion, h.reviewer])).toEqual(
        expect.arrayContaining([
          ['disputed', 1, 'Rita Reviewer'],
          ['false', 2, 'Rita Reviewer'],
        ]),
      );
    });

    it('refuses a stale or missing version and stores nothing', async () => {
      const speaker = await newSpeaker(t.dataSource);
      const { id } = await claims.create({ text: 'Rents are falling', speakerId: speaker.id });
      await claims.review(id, review('verified'), '"1"');

      await expect(claims.review(id, review('false'), '"1"')).rejects.toMatchObject({
        code: ClaimsErrorCode.VersionMismatch,
        details: { currentVersion: 2 },
      });
      await expect(claims.review(id, review('false'), undefined)).rejects.toMatchObject({
        code: ClaimsErrorCode.VersionRequired,
      });
      const rows = await t.dataSource.query(
        'SELECT verdict FROM claim_review WHERE claim_id = $1',
        [id],
      );
      expect(rows).toEqual([{ verdict: 'verified' }]);
    });
  });

  describe('matching a later quote', () => {
    const SAID = 'We will rebuild the harbour bridge before the winter storms arrive';

    it('links a quote ingested later to the claim: same speaker joins, another is flagged', async () => {
      const jane = await newSpeaker(t.dataSource, { name: 'Jane Holloway' });
      const claim = await claims.create({ text: SAID, speakerId: jane.id });

      const articles = t.get(ArticlesService);
      const byJane = await articles.ingest({
        source: 'api',
        body: `Mayor Jane Holloway spoke on Monday.\n\n"${SAID}," Holloway said.`,
      });
      const byPeter = await articles.ingest({
        source: 'api',
        body: `The finance chief, Peter Andersen, spoke on Tuesday.\n\n"${SAID}," Andersen said.`,
      });

      const janeQuote = byJane.articles[0].quotes[0];
      const peterQuote = byPeter.articles[0].quotes[0];
      expect(janeQuote.speaker?.id).toBe(jane.id);
      expect(peterQuote.speaker?.id).not.toBe(jane.id);
      const detail = await claims.get(claim.id);
      expect(detail.occurrences.map((o) => [o.quote.id, o.relation, o.needsReview]).sort()).toEqual(
        [
          [janeQuote.quoteId, 'same-speaker', false],
          [peterQuote.quoteId, 'other-speaker', true],
        ].sort(),
      );
      const audit = await t.dataSource.query(
        `SELECT action FROM audit_log WHERE target_id = $1 AND action IN ('claim.match', 'claim.flag') ORDER BY id`,
        [claim.id],
      );
      expect(audit).toEqual([{ action: 'claim.match' }, { action: 'claim.flag' }]);
    });
  });
});
