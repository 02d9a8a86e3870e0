import { createHash } from 'node:crypto';

// A fixed statement of a hot path (ingest: about ten a document) as a named prepared statement:
// node-postgres parses it once per pooled connection and Postgres plans it once there too (after
// five custom plans it keeps a generic one when that is no dearer), where an unnamed statement is
// parsed and planned on every call: 40 % of ingest's statement time. Pass the result to
// `this.db.query(...)`: it is node-postgres's query config, which TypeORM hands through
// unchanged, so the ambient transaction, TypeORM's error wrapping and logging still apply
// (toString gives the SQL for the logs). Only for SQL fixed at load time: each distinct text is
// one more statement held by every connection for its life.
export function prepared(sql: string): string {
  let config = configs.get(sql);
  if (!config) {
    const name = `ql_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    config = { name, text: sql, toString: () => sql };
    configs.set(sql, config);
  }
  return config as unknown as string;
}

const configs = new Map<string, { name: string; text: string; toString(): string }>();
