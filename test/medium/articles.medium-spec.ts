import { Injectable } from '@nestjs/common';
import { ArticlesErrorCode, ArticlesModule, ArticlesService } from '@app/articles';
import { DomainEvents, OnDomainEvent } from '@app/common';
import { ClaimsModule } from '@app/claims';
import { QuotesModule } from '@app/quotes';
import { countRows } from './factories';
import { createMediumApp, MediumApp } from './medium-app';

const BODY = [
  'Mayor Jane Holloway said on Monday that the city would rebuild the harbour bridge.',
  '"We will rebuild the harbour bridge before the winter storms arrive," Holloway said.',
  'The council’s finance chief, Peter Andersen, was less sure. "The money is simply not there this year," Andersen said.',
].join('\n\n');

// A handler that fails half-way through extraction, after the quotes were stored.
@Injectable()
class FailingQuoteHandler {
  failing = false;

  @OnDomainEvent('quotes.persisted')
  async fail(_quotes: DomainEvents['quotes.persisted']): Promise<void> {
    if (this.failing) throw new Error('handler failed after the quote was stored');
  }
}

describe('ArticlesService.ingest: one transaction for the document and all it yields', () => {
  let t: MediumApp;
  let articles: ArticlesService;
  let failing: FailingQuoteHandler;

  beforeAll(async () => {
    // Ingest raises article.created: the quotes lib extracts, the claims lib matches.
    t = await createMediumApp({
      imports: [ArticlesModule, QuotesModule, ClaimsModule],
      providers: [FailingQuoteHandler],
    });
    articles = t.get(ArticlesService);
    failing = t.get(FailingQuoteHandler);
  });
  afterAll(() => t.close());
  afterEach(() => (failing.failing = false));

  it('stores the document, its article, speakers, quotes and the audit entry together', async () => {
    const before = await countRows(t.dataSource);
    const res = await articles.ingest({ source: 'api', body: BODY, title: 'Bridge' });

    expect(res.document.created).toBe(true);
    expect(res.articles).toHaveLength(1);
    expect(res.articles[0].quotes.map((q) => [q.text, q.speaker?.name])).toEqual([
      ['We will rebuild the harbour bridge before the winter storms arrive,', 'Jane Holloway'],
      ['The money is simply not there this year,', 'Peter Andersen'],
    ]);
    for (const q of res.articles[0].quotes) expect(BODY.slice(q.start, q.end)).toBe(q.text);
    const after = await countRows(t.dataSource);
    expect(after).toEqual({
      documents: before.documents + 1,
      articles: before.articles + 1,
      sources: before.sources + 1,
      speakers: before.speakers + 2,
      quotes: before.quotes + 2,
      occurrences: before.occurrences + 2,
      extractions: before.extractions + 1,
      audits: before.audits + 1,
    });
  });

  it('stores nothing new when the same text comes again', async () => {
    const body = BODY.replace('Monday', 'Tuesday');
    const first = await articles.ingest({ source: 'api', body });
    const before = await countRows(t.dataSource);
    const again = await articles.ingest({ source: 'cli', body });
    expect(again.document).toEqual({ ...first.document, created: false });
    expect(again.articles.map((a) => a.id)).toEqual(first.articles.map((a) => a.id));
    expect(await countRows(t.dataSource)).toEqual(before);
  });

  it('rolls everything back when a handler fails during extraction', async () => {
    failing.failing = true;
    const body = BODY.replace('Monday', 'Wednesday');
    const before = await countRows(t.dataSource);
    await expect(articles.ingest({ source: 'api', body })).rejects.toThrow('handler failed');
    expect(await countRows(t.dataSource)).toEqual(before);
    // Nothing was left half-stored: the same text goes in whole once the handler is fixed.
    failing.failing = false;
    const res = await articles.ingest({ source: 'api', body });
    expect(res.document.created).toBe(true);
    expect(res.articles[0].quotes).toHaveLength(2);
  });

  it('refuses text that is not an article before opening a transaction', async () => {
    const before = await countRows(t.dataSource);
    await expect(articles.ingest({ source: 'api', body: '   ' })).rejects.toMatchObject({
      code: ArticlesErrorCode.InvalidText,
    });
    expect(await countRows(t.dataSource)).toEqual(before);
  });
});
