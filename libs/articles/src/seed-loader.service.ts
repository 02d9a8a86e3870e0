import { Injectable, Logger } from '@nestjs/common';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ArticlesService } from './articles.service';
import { withoutBom } from './article-text';

// Loads the demo articles in seeds/ through the normal ingest path. Ingest is content-addressed,
// so running it on every start adds nothing the second time.
@Injectable()
export class SeedLoader {
  private readonly logger = new Logger(SeedLoader.name);

  constructor(private readonly articles: ArticlesService) {}

  async load(dir: string): Promise<{ files: number; created: number }> {
    const folder = resolve(dir);
    const files = (await readdir(folder).catch(() => [] as string[]))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    let created = 0;
    for (const file of files) {
      const body = withoutBom(await readFile(join(folder, file), 'utf8'));
      const result = await this.articles.ingest({ body, source: 'seed', filename: file });
      if (result.document.created) created += 1;
    }
    this.logger.log({ folder, files: files.length, created }, 'seeds loaded');
    return { files: files.length, created };
  }
}
