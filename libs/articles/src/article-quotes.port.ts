import type { ArticleExtractionDto, ArticleQuoteDto } from './dto/article-response.dto';

// A question articles asks and the quotes lib answers: the quotes found in these articles, for
// article responses. Articles owns the port, so the dependency arrow still points from quotes to
// articles.
export const ARTICLE_QUOTES = Symbol('ArticleQuotesPort');

export interface ArticleQuotes {
  quotes: Map<string, ArticleQuoteDto[]>;
  // Where each article's extraction stands (an article with none is reported pending).
  extraction: Map<string, ArticleExtractionDto>;
}

export interface ArticleQuotesPort {
  // Both in one read (one round trip: it is most of an answer's cost after an ingest).
  quotesOf(articleIds: string[]): Promise<ArticleQuotes>;
  // After the commit that stored them deferred: hand the articles to the extraction queue.
  extractLater(articleIds: string[]): Promise<void>;
}
