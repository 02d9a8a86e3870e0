import { ArticlesService } from '@app/articles';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CommandImpl } from '../cli';
import { progressBar } from '../progress';

const TEXT_FILE = /\.(txt|text|md)$/i;

async function collect(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) {
      const entries = (await readdir(p)).sort();
      files.push(
        ...(await collect(
          entries.map((e) => join(p, e)).filter((e) => TEXT_FILE.test(e) || !e.includes('.')),
        )),
      );
    } else files.push(p);
  }
  return files;
}

// import <file|folder>...: each file through the same ingest as POST /articles.
export const importCommand: CommandImpl<{ files: string[] }> = {
  // Missing paths fail here, before any database is opened.
  input: async ({ positionals }) => ({
    files: await collect(positionals).catch((e: NodeJS.ErrnoException) => {
      throw new Error(e.code === 'ENOENT' ? `no such file or folder: ${e.path}` : e.message);
    }),
  }),
  async run(app, { files }) {
    const articles = app.get(ArticlesService);
    const bar = progressBar(files.length, 'import');
    const summary = {
      files: files.length,
      created: 0,
      existing: 0,
      articles: 0,
      failed: [] as { file: string; error: string }[],
    };
    try {
      for (const file of files) {
        try {
          const result = await articles.ingest({
            body: await readFile(file, 'utf8'),
            source: 'cli',
            filename: basename(file),
          });
          if (result.document.created) summary.created += 1;
          else summary.existing += 1;
          summary.articles += result.articles.length;
        } catch (e) {
          summary.failed.push({ file, error: e instanceof Error ? e.message : String(e) });
        }
        bar.tick(file);
      }
    } finally {
      bar.stop();
    }
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return summary.failed.length > 0 ? 1 : 0;
  },
};
