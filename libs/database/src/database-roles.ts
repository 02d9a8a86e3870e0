import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { Client, ClientBase } from 'pg';

// Two roles (README, "Database roles"): the OWNER creates the schema through the migrations; the
// APP role, which the pool uses, reads and writes rows and nothing else. It cannot TRUNCATE,
// ALTER, DROP, create or control triggers, set session_replication_role, or UPDATE/DELETE the
// append-only tables, so neither a bug nor an injected statement can rewrite the history.

// The app's role on the embedded default.
export const EMBEDDED_APP_ROLE = 'quote_ledger_app';

// The trigger function the migrations put on append-only tables (audit_log, claim_review). The
// grants follow it, so a future append-only table is covered by adding the trigger.
const APPEND_ONLY_FUNCTION = 'refuse_history_change';
// TypeORM's bookkeeping: the owner's alone.
const MIGRATIONS_TABLE = 'migrations';
// Serialises role and grant changes across processes starting together (API, CLI, replicas):
// concurrent GRANTs on one object fail with "tuple concurrently updated".
const GRANT_LOCK = 0x51_4c_47_52; // "QLGR"

export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'quote-ledger-owner' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function inLockedTransaction<T>(c: ClientBase, work: () => Promise<T>): Promise<T> {
  await c.query('BEGIN');
  try {
    await c.query('SELECT pg_advisory_xact_lock($1)', [GRANT_LOCK]);
    const result = await work();
    await c.query('COMMIT');
    return result;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

// The embedded app role's password: made once, kept beside the data folder, readable by this
// user only. A borrowing process (a CLI next to a running API) reads the same file.
export function appRolePassword(file: string): string {
  const existing = readPassword(file);
  if (existing) {
    chmodSync(file, 0o600);
    return existing;
  }
  mkdirSync(dirname(file), { recursive: true });
  const password = randomBytes(24).toString('base64url');
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, `${password}\n`, { mode: 0o600 });
  try {
    // An empty file (a crash while writing, an edit) is replaced; else link() makes the name
    // with its content in one step, and of two processes starting at once the second one
    // (EEXIST) reads the first one's password.
    if (existing === '') renameSync(draft, file);
    else linkSync(draft, file);
    return password;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return readPassword(file) || password;
  } finally {
    rmSync(draft, { force: true });
  }
}

// The stored password; '' for an empty file, undefined for none.
function readPassword(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    return undefined;
  }
}

// Where the embedded app role's password is kept: beside the PostgreSQL data folder.
export function appRolePasswordFile(dataDir: string): string {
  return join(dataDir, 'app-role.password');
}

// Embedded default: the app role exists with the password kept under DATA_DIR; returns the
// app's connection string to the same database (`superuserUrl` stays the owner's).
export async function embeddedAppUrl(superuserUrl: string, dataDir: string): Promise<string> {
  const password = appRolePassword(appRolePasswordFile(dataDir));
  await ensureAppRole(superuserUrl, EMBEDDED_APP_ROLE, password);
  return withCredentials(superuserUrl, EMBEDDED_APP_ROLE, password);
}

// As a superuser: the app role exists, may log in with `password`, and holds no special power.
// Run at every start, so an edited role or a replaced password file is put right.
export async function ensureAppRole(superuserUrl: string, role: string, password: string) {
  await withClient(superuserUrl, (c) =>
    inLockedTransaction(c, async () => {
      const { rowCount } = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const attributes =
        'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT';
      // Utility statements take no parameters; the literal is escaped by the driver.
      await c.query(
        `${rowCount ? 'ALTER' : 'CREATE'} ROLE ${c.escapeIdentifier(role)} ${attributes} PASSWORD ${c.escapeLiteral(password)}`,
      );
    }),
  );
}

// The role a connection string logs in as: its user name, or (none given) what the server says.
export async function roleOf(url: string): Promise<string> {
  const user = new URL(url).username;
  if (user) return decodeURIComponent(user);
  return withClient(url, async (c) => (await c.query('SELECT current_user AS u')).rows[0].u);
}

// As the owner, after the migrations: the app role gets DML on the owner's tables in the
// current schema, INSERT and SELECT only on append-only ones, nothing on the migrations table,
// and USAGE/SELECT on sequences. Everything is revoked first, so the grants are exactly these
// after every run (a table added by a later migration included): no default privileges to drift.
export async function grantAppRole(owner: ClientBase, role: string): Promise<void> {
  const r = owner.escapeIdentifier(role);
  await inLockedTransaction(owner, async () => {
    const { rows } = await owner.query<{ name: string; kind: string; append_only: boolean }>(
      `SELECT c.relname AS name, c.relkind AS kind,
              EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                       WHERE t.tgrelid = c.oid AND p.proname = $1) AS append_only
         FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace
          AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND pg_has_role(c.relowner, 'USAGE')
        ORDER BY c.relname`,
      [APPEND_ONLY_FUNCTION],
    );
    // A schema of the owner's own (not `public`) must be reachable too.
    const [schema] = (
      await owner.query<{ name: string; owns: boolean }>(
        `SELECT n.nspname AS name, pg_has_role(n.nspowner, 'USAGE') AS owns
           FROM pg_namespace n WHERE n.oid = current_schema()::regnamespace`,
      )
    ).rows;
    if (schema?.owns)
      await owner.query(`GRANT USAGE ON SCHEMA ${owner.escapeIdentifier(schema.name)} TO ${r}`);
    for (const { name, kind, append_only } of rows) {
      const t = owner.escapeIdentifier(name);
      if (kind === 'S') {
        await owner.query(`REVOKE ALL ON SEQUENCE ${t} FROM ${r}`);
        await owner.query(`GRANT USAGE, SELECT ON SEQUENCE ${t} TO ${r}`);
        continue;
      }
      await owner.query(`REVOKE ALL ON TABLE ${t} FROM ${r}`);
      if (name === MIGRATIONS_TABLE) continue;
      const privileges = append_only ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
      await owner.query(`GRANT ${privileges} ON TABLE ${t} TO ${r}`);
    }
  });
}

// What the connected role can do beyond reading and writing rows: empty when it is restricted
// as above. Read from the catalog, so it holds however the role was set up.
export async function excessPrivileges(
  query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>,
): Promise<string[]> {
  const [role] = await query(
    `SELECT current_user AS name, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
            r.rolreplication,
            has_schema_privilege(current_schema(), 'CREATE') AS schema_create,
            has_database_privilege(current_database(), 'CREATE') AS database_create
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const tables = await query(
    `SELECT c.relname AS name,
            pg_has_role(c.relowner, 'USAGE') AS owns,
            has_table_privilege(c.oid, 'TRUNCATE') AS truncate,
            has_table_privilege(c.oid, 'TRIGGER') AS trigger,
            (has_table_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE'))
              AND EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                           WHERE t.tgrelid = c.oid AND p.proname = $1) AS rewrites_history
       FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
    [APPEND_ONLY_FUNCTION],
  );
  const names = (flag: string) => tables.filter((t) => t[flag]).map((t) => String(t.name));
  const list = (items: string[]) =>
    items.length > 4
      ? `${items.slice(0, 4).join(', ')} and ${items.length - 4} more`
      : items.join(', ');
  // A superuser passes every check below; one line says it all.
  if (role.rolsuper)
    return [
      'is a superuser: it can TRUNCATE, ALTER and DROP any table, disable any trigger and set session_replication_role',
    ];
  const found: string[] = [];
  if (role.rolcreaterole) found.push('can create roles');
  if (role.rolcreatedb) found.push('can create databases');
  if (role.rolbypassrls) found.push('bypasses row-level security');
  if (role.rolreplication) found.push('may start replication');
  const owned = names('owns');
  if (owned.length)
    found.push(`owns tables (${list(owned)}): it can ALTER, DROP and disable their triggers`);
  for (const [flag, what] of [
    ['truncate', 'can TRUNCATE'],
    ['trigger', 'can create triggers on'],
    ['rewrites_history', 'can UPDATE or DELETE the append-only'],
  ] as const) {
    const hit = names(flag);
    if (hit.length) found.push(`${what} ${list(hit)}`);
  }
  if (role.schema_create) found.push('can create objects in the schema');
  if (role.database_create) found.push('can create schemas in the database');
  return found;
}
