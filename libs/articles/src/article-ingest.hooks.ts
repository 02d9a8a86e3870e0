import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ArticleEntity } from './entities/article.entity';
import type { ArticleQuoteDto } from './dto/article-response.dto';

export interface ArticleIngestHook {
  // Runs inside the ingest transaction for every newly stored article.
  articleCreated?(manager: EntityManager, article: ArticleEntity): Promise<void>;
  // The quotes found in these articles, for article responses.
  quotesOf?(articleIds: string[]): Promise<Map<string, ArticleQuoteDto[]>>;
}

// Other libs (quotes) register here so articles need not depend on them.
@Injectable()
export class ArticleIngestHooks implements ArticleIngestHook {
  private readonly hooks: ArticleIngestHook[] = [];

  register(hook: ArticleIngestHook): void {
    this.hooks.push(hook);
  }

  async articleCreated(manager: EntityManager, article: ArticleEntity): Promise<void> {
    for (const hook of this.hooks) await hook.articleCreated?.(manager, article);
  }

  async quotesOf(articleIds: string[]): Promise<Map<string, ArticleQuoteDto[]>> {
    const all = new Map<string, ArticleQuoteDto[]>();
    for (const hook of this.hooks)
      for (const [id, quotes] of (await hook.quotesOf?.(articleIds)) ?? []) all.set(id, quotes);
    return all;
  }
}
