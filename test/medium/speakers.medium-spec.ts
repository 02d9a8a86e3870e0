import { TransactionHost } from '@app/database';
import { ClaimsModule } from '@app/claims';
import { QuotesModule } from '@app/quotes';
import {
  PersonSeen,
  SpeakerResolver,
  SpeakersErrorCode,
  SpeakersModule,
  SpeakersService,
} from '@app/speakers';
import { newArticle, newClaim, newQuote, newSpeaker } from './factories';
import { createMediumApp, MediumApp } from './medium-app';

const person = (name: string, more: Partial<PersonSeen> = {}): PersonSeen => ({
  name,
  nativeName: null,
  aliases: [],
  role: null,
  organization: null,
  ...more,
});

describe('speakers: the resolver and merging duplicates', () => {
  let t: MediumApp;
  let resolver: SpeakerResolver;
  let speakers: SpeakersService;

  // Speakers are resolved inside the ingest transaction in the app; the same here.
  const resolve = (p: PersonSeen, at = new Date('2024-03-01T00:00:00Z')) =>
    t.get(TransactionHost).withTransaction(async () => {
      const article = await newArticle(t.dataSource);
      const [id] = await resolver.resolveAll([{ person: p, at, articleId: article.id }]);
      return id;
    });

  beforeAll(async () => {
    // Merging moves quotes and claims, so their libs' handlers are part of the test.
    t = await createMediumApp({ imports: [SpeakersModule, QuotesModule, ClaimsModule] });
    resolver = t.get(SpeakerResolver);
    speakers = t.get(SpeakersService);
  });
  afterAll(() => t.close());

  describe('SpeakerResolver.resolve', () => {
    it('creates a speaker once and finds them again by full name, whatever the accents', async () => {
      const id = await resolve(person('Zoë Marchetti-Okafor', { role: 'minister' }));
      expect(await resolve(person('Zoe Marchetti Okafor'))).toBe(id);
      const [row] = await t.dataSource.query('SELECT name FROM speaker WHERE id = $1', [id]);
      expect(row.name).toBe('Zoë Marchetti-Okafor');
    });

    it('ties a one-word name to the one person who carries it', async () => {
      const ada = await newSpeaker(t.dataSource, {
        name: 'Ada Quillfeather',
        aliases: ['Quillfeather'],
      });
      expect(await resolve(person('Quillfeather'))).toBe(ada.id);
    });

    it('never merges two people who merely share a surname', async () => {
      const a = await newSpeaker(t.dataSource, { name: 'Tom Brannigan', aliases: ['Brannigan'] });
      const b = await newSpeaker(t.dataSource, { name: 'Lisa Brannigan', aliases: ['Brannigan'] });
      const resolved = await resolve(person('Brannigan'));
      expect([a.id, b.id]).not.toContain(resolved);
    });

    it('prefers the native-script name over the romanised one', async () => {
      const wang = await newSpeaker(t.dataSource, {
        name: 'Wang Baodong',
        nativeName: '王寶東',
      });
      expect(await resolve(person('Wang Pao-tung', { nativeName: '王寶東' }))).toBe(wang.id);
    });

    it('records affiliations with the dates they were seen', async () => {
      const id = await resolve(
        person('Hana Oyelaran', { role: 'spokeswoman', organization: 'Port Authority' }),
        new Date('2024-01-10T00:00:00Z'),
      );
      await resolve(
        person('Hana Oyelaran', { role: 'spokeswoman', organization: 'Port Authority' }),
        new Date('2024-05-20T00:00:00Z'),
      );
      const profile = await speakers.profile(id);
      expect(profile.affiliations).toEqual([
        expect.objectContaining({
          role: 'spokeswoman',
          organization: 'Port Authority',
          firstSeen: '2024-01-10T00:00:00.000Z',
          lastSeen: '2024-05-20T00:00:00.000Z',
        }),
      ]);
      expect(profile.affiliations[0].articleIds).toHaveLength(2);
    });
  });

  describe('SpeakersService.merge', () => {
    it('moves quotes, folds a quote both had, and moves claims, then deletes the duplicate', async () => {
      const db = t.dataSource;
      const into = await newSpeaker(db, { name: 'Maria Castellanos' });
      const from = await newSpeaker(db, { name: 'Maria Castellanos-Ruiz' });
      const shared = 'The port will reopen in spring';
      const kept = await newQuote(db, { speakerId: into.id, text: shared });
      const dup = await newQuote(db, { speakerId: from.id, text: shared });
      const own = await newQuote(db, { speakerId: from.id, text: 'Tariffs hurt the fishermen' });
      const onDup = await newClaim(db, { quoteId: dup.id, speakerId: from.id, text: shared });
      const free = await newClaim(db, { speakerId: from.id, text: 'Wages rose by 4 percent' });

      const profile = await speakers.merge(into.id, [from.id]);

      expect(profile.aliases).toEqual(
        expect.arrayContaining(['Maria Castellanos', 'Maria Castellanos-Ruiz']),
      );
      expect(await db.query('SELECT 1 FROM speaker WHERE id = $1', [from.id])).toHaveLength(0);
      const quotes = await db.query(
        'SELECT id, speaker_id FROM quote WHERE id = ANY($1::uuid[]) ORDER BY text',
        [[kept.id, dup.id, own.id]],
      );
      // The duplicate quote was folded into the survivor's: one statement, both appearances.
      expect(quotes).toEqual(
        expect.arrayContaining([
          { id: kept.id, speaker_id: into.id },
          { id: own.id, speaker_id: into.id },
        ]),
      );
      expect(quotes).toHaveLength(2);
      const [{ n }] = await db.query(
        'SELECT count(*)::int AS n FROM quote_occurrence WHERE quote_id = $1',
        [kept.id],
      );
      expect(n).toBe(2);
      const claims = await db.query(
        'SELECT id, quote_id, speaker_id FROM claim WHERE id = ANY($1::uuid[])',
        [[onDup.id, free.id]],
      );
      expect(claims).toEqual(
        expect.arrayContaining([
          { id: onDup.id, quote_id: kept.id, speaker_id: into.id },
          { id: free.id, quote_id: null, speaker_id: into.id },
        ]),
      );
      const audit = await db.query(
        `SELECT before->>'id' AS from_id FROM audit_log WHERE action = 'speaker.merge' AND target_id = $1`,
        [into.id],
      );
      expect(audit).toEqual([{ from_id: from.id }]);
    });

    it('changes nothing when one of the duplicates does not exist', async () => {
      const into = await newSpeaker(t.dataSource);
      const from = await newSpeaker(t.dataSource);
      const quote = await newQuote(t.dataSource, { speakerId: from.id });
      await expect(
        speakers.merge(into.id, [from.id, '00000000-0000-4000-8000-000000000000']),
      ).rejects.toMatchObject({ code: SpeakersErrorCode.NotFound });
      const [row] = await t.dataSource.query('SELECT speaker_id FROM quote WHERE id = $1', [
        quote.id,
      ]);
      expect(row.speaker_id).toBe(from.id);
    });

    it('refuses to merge a speaker into itself', async () => {
      const s = await newSpeaker(t.dataSource);
      await expect(speakers.merge(s.id, [s.id])).rejects.toMatchObject({
        code: SpeakersErrorCode.MergeIntoItself,
      });
    });
  });
});
