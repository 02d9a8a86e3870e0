import { ReextractService, ReextractSummary } from '@app/quotes';
import { ENGINE_VERSION } from '@app/extraction';
import { CommandImpl } from '../cli';
import { progressBar } from '../progress';

// reextract [--all]: articles extracted by another engine version (or all) are extracted again.
export const reextractCommand: CommandImpl<{ all: boolean }> = {
  input: ({ values }) => ({ all: values.all === true }),
  async run(app, { all }) {
    const service = app.get(ReextractService);
    const ids = await service.staleArticles(all);
    const summary: ReextractSummary = {
      engineVersion: ENGINE_VERSION,
      articles: 0,
      occurrencesReplaced: 0,
      occurrencesKept: 0,
      quotesRemoved: 0,
    };
    const bar = progressBar(ids.length, 'reextract');
    try {
      for (const id of ids) {
        await service.reextractArticle(id, summary);
        bar.tick(id);
      }
    } finally {
      bar.stop();
    }
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  },
};
