import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

// A word that is neither yes nor no stays a string, which @IsBoolean refuses: a typo
// (`WORKER_IN_PROCESS=ture`) stops the start instead of silently meaning false.
const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return TRUE.includes(word) ? true : FALSE.includes(word) ? false : value;
};

// One or more postgres:// URLs, comma-separated (a comma inside a URL is percent-encoded).
const REPLICA_URLS = /^\s*postgres(ql)?:\/\/[^,\s]+(\s*,\s*postgres(ql)?:\/\/[^,\s]+)*\s*$/;

// Every variable: a default and one line of description (README's configuration table mirrors this).
export class AppConfig {
  // HTTP port of the API.
  @Type(() => Number) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  // Interface the API binds to.
  @IsString() HOST = '0.0.0.0';
  // Largest accepted request body in bytes (413 beyond it).
  @Type(() => Number) @IsInt() @Min(1024) BODY_LIMIT = 2 * 1024 * 1024;
  // pino log level.
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  // Postgres connection string; unset = start an embedded PostgreSQL.
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;
  // The schema owner's connection string: runs the migrations and grants DATABASE_URL's role
  // its row access. Unset: DATABASE_URL runs them, and a role that can do more is warned about.
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'MIGRATION_DATABASE_URL must be a postgres:// URL' })
  MIGRATION_DATABASE_URL?: string;
  // Read replicas of DATABASE_URL, comma-separated postgres:// URLs (same role): lookups and
  // exports read there, everything else on the primary. Unset: everything on DATABASE_URL.
  @IsOptional()
  @Matches(REPLICA_URLS, {
    message: 'DATABASE_REPLICA_URLS must be postgres:// URLs separated by commas',
  })
  DATABASE_REPLICA_URLS?: string;
  // Where the embedded PostgreSQL keeps its data (kept across restarts).
  @IsString() DATA_DIR = '.data';
  // Port of the embedded PostgreSQL (apart from any server on 5432).
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) EMBEDDED_PG_PORT = 54329;
  // Run pending migrations at start.
  @Transform(toBool) @IsBoolean() MIGRATIONS_RUN = true;
  // Load the files in SEEDS_DIR at start (idempotent).
  @Transform(toBool) @IsBoolean() SEED_ON_START = true;
  // Folder of seed articles.
  @IsString() SEEDS_DIR = 'seeds';
  // Make sure an admin key with this secret exists at start (unset: none is made).
  @IsOptional()
  @IsString()
  @Matches(/^\S{16,512}$/, { message: 'BOOTSTRAP_ADMIN_KEY must be 16+ characters without spaces' })
  BOOTSTRAP_ADMIN_KEY?: string;
  // Reads need a key too (any role).
  @Transform(toBool) @IsBoolean() READS_REQUIRE_KEY = false;
  // Reads per minute per key or address (0 = no limit).
  @Type(() => Number) @IsInt() @Min(0) RATE_LIMIT_READS = 600;
  // Writes per minute per key or address (0 = no limit).
  @Type(() => Number) @IsInt() @Min(0) RATE_LIMIT_WRITES = 120;
  // Failed authentications per minute per address before 429 (0 = no limit).
  @Type(() => Number) @IsInt() @Min(0) AUTH_FAILURES_PER_MINUTE = 20;
  // Publisher named as author of ClaimReview exports.
  @IsString() PUBLISHER_NAME = 'Quote Ledger';
  // Publisher home page, in ClaimReview exports.
  @Matches(/^https?:\/\//, { message: 'PUBLISHER_URL must be an http(s) URL' }) PUBLISHER_URL =
    'https://example.org';
  // Public address of the API and console, for links in exports (unset: localhost at PORT).
  @Matches(/^https?:\/\//, { message: 'PUBLIC_BASE_URL must be an http(s) URL' }) PUBLIC_BASE_URL =
    'http://localhost:3000';
  // Quote sheets with more rows than this are read with whole-table joins instead of per-row lookups.
  @Type(() => Number) @IsInt() @Min(0) EXPORT_LARGE_SHEET_ROWS = 20_000;
  // Longest a CSV sheet may take to stream (Postgres writes it in one COPY, at the reader's pace).
  @Type(() => Number) @IsInt() @Min(1000) EXPORT_TIMEOUT_MS = 15 * 60_000;
  // Connection pool size.
  @Type(() => Number) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE = 10;
  // How long a request waits for a free database connection before it is answered 503.
  @Type(() => Number) @IsInt() @Min(100) DB_ACQUIRE_TIMEOUT_MS = 5000;
  // Longest statement before Postgres cancels it (0 = no limit).
  @Type(() => Number) @IsInt() @Min(0) DB_STATEMENT_TIMEOUT_MS = 60_000;
  // Longest idle time inside an open transaction before Postgres ends the session.
  @Type(() => Number) @IsInt() @Min(0) DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
  // The API (and `cli reextract` while it waits) also works the extraction queue (false: leave
  // it to `npm run worker` processes).
  @Transform(toBool) @IsBoolean() WORKER_IN_PROCESS = true;
  // Extraction jobs a worker takes at a time.
  @Type(() => Number) @IsInt() @Min(1) @Max(1000) WORKER_BATCH_SIZE = 20;
  // A job still active after this long (its worker died) is retried by another worker.
  @Type(() => Number) @IsInt() @Min(1) @Max(86_400) QUEUE_JOB_TIMEOUT_SECONDS = 300;
  // How often the queue looks for such expired jobs.
  @Type(() => Number) @IsInt() @Min(1) @Max(86_400) QUEUE_MAINTENANCE_SECONDS = 60;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(
    'DATABASE_URL',
    'MIGRATION_DATABASE_URL',
    'DATABASE_REPLICA_URLS',
    'BOOTSTRAP_ADMIN_KEY',
  );
  const plain = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => known.includes(key) && value !== undefined && value !== '',
    ),
  );
  const config = plainToInstance(AppConfig, plain, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  const lines = errors.map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`,
  );
  // The embedded server makes its own owner and app roles; an owner URL alone means a mistake.
  if (config.MIGRATION_DATABASE_URL && !config.DATABASE_URL)
    lines.push('MIGRATION_DATABASE_URL: needs DATABASE_URL (the role the app connects as)');
  // Replicas copy a primary; the embedded server has none.
  if (config.DATABASE_REPLICA_URLS && !config.DATABASE_URL)
    lines.push('DATABASE_REPLICA_URLS: needs DATABASE_URL (the primary they replicate)');
  for (const url of replicaUrls(config))
    if (!URL.canParse(url)) lines.push(`DATABASE_REPLICA_URLS: not a URL: ${redact(url)}`);
  if (lines.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  // Unset, export links follow the port the API listens on (not always 3000).
  if (!plain.PUBLIC_BASE_URL && config.PORT > 0)
    config.PUBLIC_BASE_URL = `http://localhost:${config.PORT}`;
  return config;
}

// For a process's entry point: a bad environment prints what is wrong and exits 78 (EX_CONFIG).
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
}

// DATABASE_REPLICA_URLS as a list (empty when unset).
export function replicaUrls(config: Pick<AppConfig, 'DATABASE_REPLICA_URLS'>): string[] {
  return (config.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
}

// A URL for an error message, without its password.
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
