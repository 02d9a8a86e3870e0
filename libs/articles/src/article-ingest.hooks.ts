import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ArticleEntity } from './entities/article.entity';

export interface ArticleIngestHook {
  // Runs inside the ingest transaction for every newly stored article.
  articleCreated(manager: EntityManager, article: ArticleEntity): Promise<void>;
}

// Other libs (quotes) register here so articles need not depend on them.
@Injectable()
export class ArticleIngestHooks implements ArticleIngestHook {
  private readonly hooks: ArticleIngestHook[] = [];

  register(hook: ArticleIngestHook): void {
    this.hooks.push(hook);
  }

  async articleCreated(manager: EntityManager, article: ArticleEntity): Promise<void> {
    for (const hook of this.hooks) await hook.articleCreated(manager, article);
  }
}
