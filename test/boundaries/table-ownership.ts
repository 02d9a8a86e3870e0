import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';

// Who owns which table, and which libs name tables they do not own. Read from the source, no
// database: a table belongs to the lib whose `entities/` folder maps it (`@Entity('name')`), and
// a view to the lib its migration's `COMMENT ON VIEW … IS 'Published by <lib>: …'` names. A
// published view may be read by any lib; a table only by its owner.

export interface Ownership {
  tables: Map<string, string>; // table → owning lib
  entities: Map<string, { lib: string; table: string }>; // entity class → owner and table
  views: Map<string, string>; // published view → publishing lib
  unowned: string[]; // problems: tables or views no lib owns
}

export interface Violation {
  file: string; // relative to the repository root
  line: number;
  table: string;
  owner: string;
  how: string; // what names it: the SQL words, or the TypeORM call
}

const SQL_RELATION =
  /\b(FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|REFERENCES)\s+(?:ONLY\s+)?((?:"?public"?\.)?"?[a-z_][a-z0-9_]*"?)/gi;
const IDENT = /^\s*(?:AS\s+)?([a-z_][a-z0-9_]*)?\s*,\s*(?:ONLY\s+)?("?[a-z_][a-z0-9_]*"?)/i;
// Query-builder and EntityManager calls that take a table name as a string.
const TABLE_NAME_ARG = new Set([
  'from',
  'into',
  'update',
  'delete',
  'insert',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'innerJoinAndMapOne',
  'leftJoinAndMapOne',
  'innerJoinAndMapMany',
  'leftJoinAndMapMany',
  'getRepository',
  'createQueryBuilder',
  'query',
]);

function walk(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(path, keep);
    return keep(path) ? [path] : [];
  });
}

const isSource = (p: string) => p.endsWith('.ts') && !/\.(spec|e2e-spec|d)\.ts$/.test(p);

export function libSources(root: string): { lib: string; file: string }[] {
  const libs = readdirSync(join(root, 'libs'), { withFileTypes: true }).filter((e) =>
    e.isDirectory(),
  );
  return libs.flatMap((l) =>
    walk(join(root, 'libs', l.name), isSource).map((file) => ({ lib: l.name, file })),
  );
}

export function readOwnership(root: string): Ownership {
  const tables = new Map<string, string>();
  const entities = new Map<string, { lib: string; table: string }>();
  const views = new Map<string, string>();
  const unowned: string[] = [];
  for (const { lib, file } of libSources(root)) {
    if (!file.split(sep).includes('entities')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/@Entity\(\s*'([a-z_0-9]+)'\s*\)\s*export class (\w+)/g)) {
      if (tables.has(m[1]) && tables.get(m[1]) !== lib)
        unowned.push(`table ${m[1]} is mapped by both ${tables.get(m[1])} and ${lib}`);
      tables.set(m[1], lib);
      entities.set(m[2], { lib, table: m[1] });
    }
  }
  const libNames = new Set(libSources(root).map((s) => s.lib));
  for (const file of walk(join(root, 'migrations'), isSource)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bCREATE TABLE (?:IF NOT EXISTS )?([a-z_0-9]+)/g))
      if (!tables.has(m[1])) unowned.push(`table ${m[1]} (${relative(root, file)}) has no entity`);
    const published = new Map(
      [...text.matchAll(/\bCOMMENT ON VIEW ([a-z_0-9]+) IS\s*'Published by ([a-z]+)\b/g)].map(
        (m) => [m[1], m[2]],
      ),
    );
    for (const m of text.matchAll(/\bCREATE (?:OR REPLACE )?VIEW ([a-z_0-9]+)/g)) {
      const lib = published.get(m[1]);
      if (lib && libNames.has(lib)) views.set(m[1], lib);
      else unowned.push(`view ${m[1]} (${relative(root, file)}) says no "Published by <lib>"`);
    }
  }
  return { tables, entities, views, unowned };
}

// Blanks what is not SQL to read (keeping offsets and newlines): `--` and `/* */` comments, and
// quoted SQL literals, so 'copied from article' or a comment is never read as a table.
function sqlOnly(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g, blank);
}

// The relations an SQL text reads or writes, with their offsets: the word after FROM, JOIN,
// INTO, UPDATE, TABLE, TRUNCATE or REFERENCES, and the further items of a `FROM a x, b y` list.
// A name followed by `(` is a function (`FROM unnest(…)`), not a relation.
export function sqlRelations(sql: string): { name: string; at: number; keyword: string }[] {
  const text = sqlOnly(sql);
  const found: { name: string; at: number; keyword: string }[] = [];
  for (const m of text.matchAll(SQL_RELATION)) {
    let at = m.index + m[0].length - m[2].length;
    let name = m[2];
    for (;;) {
      const end = at + name.length;
      if (/^\s*\(/.test(text.slice(end))) break;
      found.push({ name: name.replace(/"|^public\./g, ''), at, keyword: m[1].toUpperCase() });
      if (m[1].toUpperCase() !== 'FROM') break;
      const next = IDENT.exec(text.slice(end));
      if (!next) break;
      at = end + next[0].length - next[2].length;
      name = next[2];
    }
  }
  return found;
}

// SQL in a string or template literal, with the `${…}` parts blanked: a name built at run time
// is not seen (write the table into the SQL text).
function literalSql(node: ts.Node, source: ts.SourceFile): { text: string; start: number } | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return { text: node.getText(source).slice(1, -1), start: node.getStart(source) + 1 };
  if (!ts.isTemplateExpression(node)) return null;
  const start = node.getStart(source);
  let text = node.getText(source);
  for (const span of node.templateSpans) {
    const from = span.expression.getFullStart() - start;
    const to = span.expression.getEnd() - start;
    text = text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
  }
  return { text: text.slice(1, -1), start: start + 1 };
}

function calleeName(call: ts.CallExpression): string | null {
  if (ts.isPropertyAccessExpression(call.expression)) return call.expression.name.text;
  if (ts.isIdentifier(call.expression)) return call.expression.text;
  return null;
}

// Every place in `file` (of lib `lib`) that names a table another lib owns: in SQL text, as a
// table-name string given to a query builder, or as another lib's entity class given to any
// call (`createQueryBuilder(X)`, `.into(X)`, `find(X, …)`, `forFeature([X])`, …).
export function scanFile(
  root: string,
  lib: string,
  file: string,
  own: Ownership,
  text = readFileSync(file, 'utf8'),
): Violation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: Violation[] = [];
  const add = (pos: number, table: string, owner: string, how: string) =>
    out.push({
      file: relative(root, file),
      line: source.getLineAndCharacterOfPosition(pos).line + 1,
      table,
      owner,
      how,
    });
  const foreign = (table: string) => {
    const owner = own.tables.get(table);
    return owner && owner !== lib ? owner : null;
  };
  const visit = (node: ts.Node): void => {
    const sql = literalSql(node, source);
    if (sql)
      for (const r of sqlRelations(sql.text)) {
        const owner = foreign(r.name);
        if (owner) add(sql.start + r.at, r.name, owner, `${r.keyword} ${r.name}`);
      }
    if (ts.isCallExpression(node)) {
      const method = calleeName(node);
      const args = node.arguments.flatMap((a) =>
        ts.isArrayLiteralExpression(a) ? [...a.elements] : [a],
      );
      for (const a of args) {
        if (ts.isIdentifier(a) && own.entities.has(a.text)) {
          const { lib: owner, table } = own.entities.get(a.text)!;
          if (owner !== lib) add(a.getStart(source), table, owner, `${method}(${a.text})`);
        }
        if (
          method &&
          TABLE_NAME_ARG.has(method) &&
          (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a))
        ) {
          const owner = foreign(a.text);
          if (owner) add(a.getStart(source), a.text, owner, `${method}('${a.text}')`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

export function scanLibs(root: string, own = readOwnership(root)): Violation[] {
  return libSources(root).flatMap(({ lib, file }) => scanFile(root, lib, file, own));
}
