import { ClaimsModule } from '@app/claims';
import { newQuote } from '../../../test/medium/factories';
import { createMediumApp, MediumApp } from '../../../test/medium/medium-app';
import { allBut, indexQueries, PlanChoice, QuoteRepository } from './quote.repository';
import { QuotesModule } from './quotes.module';
import { QuotesService } from './quotes.service';

// Beside the repository, since it reaches its private helpers; set up like test/medium.
// The lookups choose their plans for speed (QuoteRepository.search and .lookup); whichever
// plan runs, the answer is the one the plain query gives.
describe('lookups: the faster plans find what the plain queries find', () => {
  let t: MediumApp;
  let repo: QuoteRepository;

  const words = ['harbour', 'bridge', 'ferry', 'tunnel', 'council', 'budget', 'storm', 'winter'];
  const fillers = ['the', 'will', 'open', 'before', 'after', 'said', 'we', 'a'];

  beforeAll(async () => {
    t = await createMediumApp({ imports: [QuotesModule, ClaimsModule] });
    repo = t.get(QuoteRepository);
    // 120 quotes from a small skewed vocabulary, a day apart: common and rare words, phrases.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 120; i++) {
      const text = Array.from({ length: 6 + Math.floor(next() * 5) }, () =>
        next() < 0.5
          ? fillers[Math.floor(next() * fillers.length)]
          : words[Math.floor(next() ** 2 * words.length)],
      ).join(' ');
      await newQuote(t.dataSource, {
        text: `${text} (${i})`,
        seenAt: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000),
      });
    }
    await t.dataSource.query('ANALYZE quote');
  });
  afterAll(() => t.close());

  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  it('returns the same pages of search hits whichever plan reads them', async () => {
    const queries = [
      'harbour',
      'winter',
      'harbour bridge',
      '"harbour bridge"',
      '"bridge the ferry"',
      'ferry OR winter',
      'harbour -ferry',
      '"the will"',
      'nowhere',
    ];
    // 'recent' with a bound that holds the first pages, and one so recent that it falls back.
    const plans: PlanChoice[] = [
      { plan: 'planner' },
      { plan: 'all-matches' },
      { plan: 'window' },
      { plan: 'recent', since: new Date(Date.UTC(2024, 0, 1) + 60 * 86_400_000) },
      { plan: 'recent', since: new Date(Date.UTC(2024, 0, 1) + 118 * 86_400_000) },
    ];
    for (const q of queries) {
      const chosen = await repo.search({ q }, 6, null);
      for (const plan of plans)
        expect([q, plan, ids(await repo.search({ q }, 6, null, plan))]).toEqual([
          q,
          plan,
          ids(chosen),
        ]);
      const last = chosen[chosen.length - 1];
      if (!last) continue;
      const after = { firstSeen: new Date(last.first_seen).toISOString(), id: last.id };
      const next = await repo.search({ q }, 6, after);
      for (const plan of plans)
        expect(ids(await repo.search({ q }, 6, after, plan))).toEqual(ids(next));
    }
    // Stopwords only: no quote can match, and none is read.
    expect(await repo.search({ q: 'the will' }, 6, null)).toEqual([]);
  });

  it('asks the index for every quote with all but `misses` of the words', async () => {
    const vocabulary = ['aa', 'bb', 'cc', 'dd', 'ee', 'ff', 'gg'];
    for (let n = 1; n <= vocabulary.length; n++)
      for (let misses = 0; misses < n; misses++) {
        const asked = vocabulary.slice(0, n);
        // Every set of the words a quote can hold.
        const docs = Array.from(
          { length: 2 ** n },
          (_, mask) => asked.filter((_w, i) => mask & (1 << i)).join(' ') || 'zz',
        );
        const rows: { d: string; index: boolean; exact: boolean }[] = await t.dataSource.query(
          `SELECT d, to_tsvector('simple', d) @@ ANY($1::tsquery[]) AS index,
                  to_tsvector('simple', d) @@ $2::tsquery AS exact
             FROM unnest($3::text[]) d`,
          [indexQueries(asked, misses), allBut(asked, misses), docs],
        );
        for (const r of rows)
          if (r.exact) expect([n, misses, r.d, r.index]).toEqual([n, misses, r.d, true]);
      }
  });

  it('finds who said a misremembered quote, misspelt words and all', async () => {
    const text = 'The harbour tunnel will reopen before the winter storms arrive';
    const quote = await newQuote(t.dataSource, { text });
    const quotes = t.get(QuotesService);
    const [hit] = await quotes.lookup('harbour tunel will reopen before winter stroms', 5);
    expect(hit.id).toBe(quote.id);
    expect(await quotes.lookup('hrabour tunel stroms', 5)).toEqual([]);
  });
});
