import type { Command, Option } from './cli';

// The commands as the user types them: names, arguments, options and help. Nothing here loads
// the app; each command's work is in commands/*.command.ts, imported only when it runs.

// As in @app/common and @app/exports (commands.spec.ts keeps them equal): help stays light.
export const ROLE_NAMES = ['journalist', 'reviewer', 'admin'];
export const FORMAT_NAMES = ['csv', 'json', 'md', 'xlsx'];

const text = (value: string, help: string): Option => ({ spec: { type: 'string' }, value, help });

const importCommand: Command = {
  name: 'import',
  summary: 'ingest text files, NDJSON files or folders (as POST /api/v1/articles)',
  args: '<file|folder>...',
  description:
    'Ingest text files, as POST /api/v1/articles with text/plain does, and NDJSON files (.ndjson,\n' +
    '.jsonl: one {body, title?, url?, publisher?, publishedAt?} a line). A folder contributes its\n' +
    '.txt, .text, .md, .ndjson and .jsonl files and files without an extension, recursively.\n' +
    'Documents are stored 50 a transaction. Importing the same text twice stores it once; texts\n' +
    'already stored are skipped before extraction, so an interrupted import run again resumes.\n' +
    'Prints a JSON summary; a progress bar (articles/s, ETA) shows on a terminal.',
  positionals: { min: 1, max: Infinity },
  load: async () => (await import('./commands/import.command.js')).importCommand,
};

const keysCreate: Command = {
  name: 'keys create',
  summary: 'create an API key (shown once)',
  description:
    'Create an API key and print it as JSON. The key itself is shown only once: store it now.',
  options: {
    name: text('NAME', 'who or what the key is for'),
    role: text('ROLE', ROLE_NAMES.join(', ')),
  },
  load: async () => (await import('./commands/keys.command.js')).keysCreate,
};

const keysList: Command = {
  name: 'keys list',
  summary: 'list API keys (never their secrets)',
  load: async () => (await import('./commands/keys.command.js')).keysList,
};

const keysRevoke: Command = {
  name: 'keys revoke',
  summary: 'revoke an API key by its id',
  args: 'ID',
  positionals: { min: 1, max: 1 },
  load: async () => (await import('./commands/keys.command.js')).keysRevoke,
};

const keysCommand: Command = {
  name: 'keys',
  summary: 'manage API keys: keys create | keys list | keys revoke ID',
  description: 'Manage API keys, as /api/v1/keys does (roles: journalist < reviewer < admin).',
  subcommands: [keysCreate, keysList, keysRevoke],
};

const exportCommand: Command = {
  name: 'export',
  summary: 'write a quote sheet (same filters as GET /api/v1/quotes)',
  description:
    'Write a quote sheet to a file, with the same filters as GET /api/v1/quotes. A progress bar\n' +
    'shows on a terminal; the row count goes to stderr.',
  options: {
    format: {
      spec: { type: 'string', default: 'csv' },
      value: 'FORMAT',
      help: `${FORMAT_NAMES.join(', ')} (default csv)`,
    },
    out: text('FILE', 'the file to write (default: a name made from the filters)'),
    speaker: text('SPEAKER', 'speaker id or name'),
    q: text('QUERY', 'full-text search: "a phrase", OR, -word'),
    from: text('DATE', 'quotes published on or after this date'),
    to: text('DATE', 'quotes published on or before this date'),
    verdict: text('VERDICT', 'only quotes whose claims have this verdict'),
    article: text('ID', 'only quotes of this article'),
  },
  load: async () => (await import('./commands/export.command.js')).exportCommand,
};

const migrateCommand: Command = {
  name: 'migrate',
  summary: 'run pending migrations and exit',
  description:
    'Run the pending database migrations and exit. `npm start` also runs them unless\n' +
    'MIGRATIONS_RUN=false.',
  // The app context runs pending migrations as it starts; this turns that on.
  env: { MIGRATIONS_RUN: 'true' },
  load: async () => ({
    run: async () => {
      process.stdout.write('migrations are up to date\n');
      return 0;
    },
  }),
};

const reextractCommand: Command = {
  name: 'reextract',
  summary: 're-run extraction on articles from an older engine (or all), through the queue',
  description:
    'Send the articles that an older engine version extracted (or all of them with --all, and\n' +
    'any that failed) to the extraction queue, then show its progress (done/total, articles/s,\n' +
    'ETA) on stderr until no article is pending. Queue workers do the work: `npm run worker`\n' +
    'processes, a running API, and this process too unless WORKER_IN_PROCESS=false. Reviewer\n' +
    'corrections and quotes with claims are kept. Prints a JSON summary; exits 1 if an article\n' +
    'failed (GET /api/v1/extraction/status lists them with their errors).',
  options: {
    all: { spec: { type: 'boolean', default: false }, help: 'every article, not only stale ones' },
    'no-wait': {
      spec: { type: 'boolean', default: false },
      help: 'send the jobs and exit; the workers carry on',
    },
  },
  load: async () => (await import('./commands/reextract.command.js')).reextractCommand,
};

export const COMMANDS: Command[] = [
  importCommand,
  keysCommand,
  exportCommand,
  migrateCommand,
  reextractCommand,
];
