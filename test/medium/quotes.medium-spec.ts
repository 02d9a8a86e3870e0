import { ClaimsModule } from '@app/claims';
import { QuotesErrorCode, QuotesModule, QuotesService } from '@app/quotes';
import { newClaim, newQuote, newSpeaker } from './factories';
import { createMediumApp, MediumApp } from './medium-app';

describe('QuotesService.correct: a reviewer’s correction', () => {
  let t: MediumApp;
  let quotes: QuotesService;

  const row = async (id: string) =>
    (
      await t.dataSource.query(
        'SELECT speaker_id, text, version, attribution_status, corrected_by FROM quote WHERE id = $1',
        [id],
      )
    )[0];

  beforeAll(async () => {
    // A fold moves claims, so the claims lib's handlers are part of the test.
    t = await createMediumApp({ imports: [QuotesModule, ClaimsModule] });
    quotes = t.get(QuotesService);
  });
  afterAll(() => t.close());

  it('folds a quote into the one its corrected speaker already has, claims and all', async () => {
    const db = t.dataSource;
    const right = await newSpeaker(db);
    const wrong = await newSpeaker(db);
    const text = 'We have no plans to raise the ferry fares';
    const existing = await newQuote(db, { speakerId: right.id, text });
    const misattributed = await newQuote(db, { speakerId: wrong.id, text });
    const claim = await newClaim(db, { quoteId: misattributed.id, speakerId: wrong.id, text });

    const detail = await quotes.correct(misattributed.id, { speakerId: right.id }, '"1"');

    expect(detail).toMatchObject({ id: existing.id, speaker: { id: right.id } });
    expect(await db.query('SELECT 1 FROM quote WHERE id = $1', [misattributed.id])).toEqual([]);
    const occurrences = await db.query(
      'SELECT article_id FROM quote_occurrence WHERE quote_id = $1',
      [existing.id],
    );
    expect(occurrences.map((o: { article_id: string }) => o.article_id).sort()).toEqual(
      [existing.articleId, misattributed.articleId].sort(),
    );
    const [moved] = await db.query('SELECT quote_id FROM claim WHERE id = $1', [claim.id]);
    expect(moved.quote_id).toBe(existing.id);
    const [audit] = await db.query(
      `SELECT after->>'quoteId' AS into_id FROM audit_log WHERE action = 'quote.correct' AND target_id = $1`,
      [misattributed.id],
    );
    expect(audit.into_id).toBe(existing.id);
  });

  it('corrects the text in place when no other quote says it, and bumps the version', async () => {
    const quote = await newQuote(t.dataSource, { text: 'The brigde is safe' });
    const detail = await quotes.correct(quote.id, { text: 'The bridge is safe' }, '"1"');
    expect(detail).toMatchObject({ id: quote.id, text: 'The bridge is safe', version: 2 });
    expect(await row(quote.id)).toMatchObject({ text: 'The bridge is safe', version: 2 });
  });

  it('refuses a stale If-Match and changes nothing', async () => {
    const quote = await newQuote(t.dataSource);
    await quotes.correct(quote.id, { attributionStatus: 'confirmed' }, '"1"');
    await expect(
      quotes.correct(quote.id, { attributionStatus: 'misattributed' }, '"1"'),
    ).rejects.toMatchObject({
      code: QuotesErrorCode.VersionMismatch,
      details: { currentVersion: 2 },
    });
    expect(await row(quote.id)).toMatchObject({ attribution_status: 'confirmed', version: 2 });
    await expect(
      quotes.correct(quote.id, { attributionStatus: 'misattributed' }, 'not-a-version'),
    ).rejects.toMatchObject({ code: QuotesErrorCode.InvalidVersion });
  });

  it('rolls back when the new speaker does not exist', async () => {
    const speaker = await newSpeaker(t.dataSource);
    const quote = await newQuote(t.dataSource, { speakerId: speaker.id });
    await expect(
      quotes.correct(quote.id, { speakerId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: QuotesErrorCode.SpeakerNotFound });
    expect(await row(quote.id)).toMatchObject({ speaker_id: speaker.id, version: 1 });
  });

  it('refuses an empty patch', async () => {
    const quote = await newQuote(t.dataSource);
    await expect(quotes.correct(quote.id, {})).rejects.toMatchObject({
      code: QuotesErrorCode.EmptyPatch,
    });
  });
});
