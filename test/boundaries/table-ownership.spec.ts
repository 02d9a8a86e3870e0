import { join } from 'node:path';
import { readOwnership, scanFile, scanLibs, sqlRelations } from './table-ownership';

// Only a lib's own repositories name its tables; other libs read what the owner publishes (a
// view commented 'Published by <lib>', or a query fragment exported from its index).
const ROOT = join(__dirname, '..', '..');

describe('table ownership', () => {
  const own = readOwnership(ROOT);

  it('gives every table and view exactly one owning lib', () => {
    expect(own.unowned).toEqual([]);
    expect(own.tables.get('quote')).toBe('quotes');
    expect(own.tables.get('audit_log')).toBe('auth');
  });

  it('finds no lib naming a table another lib owns', () => {
    const found = scanLibs(ROOT, own).map(
      (v) => `${v.file}:${v.line} names ${v.table} (owned by ${v.owner}): ${v.how}`,
    );
    expect(found).toEqual([]);
  });

  describe('the scanner', () => {
    const scan = (text: string) =>
      scanFile(ROOT, 'exports', join(ROOT, 'libs/exports/src/x.ts'), own, text).map(
        (v) => `${v.line}:${v.table}`,
      );

    it('reads relations after SQL keywords, including FROM lists', () => {
      expect(
        sqlRelations(`SELECT 1 FROM quote q, speaker s JOIN "article" a ON true, unnest(x) u`).map(
          (r) => r.name,
        ),
      ).toEqual(['quote', 'speaker', 'article']);
      expect(sqlRelations(`UPDATE claim SET x = 1; INSERT INTO api_key VALUES (1)`)).toHaveLength(
        2,
      );
    });

    it('flags SQL text, table-name strings and entity classes of other libs', () => {
      const text = [
        `const a = \`SELECT s.name FROM speaker s WHERE s.id = \${id}\`;`,
        `db.createQueryBuilder().from('article', 'a');`,
        `db.findBy(QuoteEntity, { id });`,
        `TypeOrmModule.forFeature([ClaimEntity]);`,
      ].join('\n');
      expect(scan(text)).toEqual(['1:speaker', '2:article', '3:quote', '4:claim']);
    });

    it('ignores comments, columns, SQL literals, functions and published views', () => {
      const text = [
        `// reads FROM speaker and JOIN article, in a comment`,
        `/* UPDATE quote */`,
        `const a = \`SELECT q.speaker_id, quote_id FROM speaker_ref s -- FROM speaker`,
        `  WHERE x IS DISTINCT FROM $1 AND y = 'copied from article' AND z IN (SELECT 1 FROM unnest($2) quote)\`;`,
        `const msg = 'quote not found';`,
        `type T = QuoteEntity;`,
      ].join('\n');
      expect(scan(text)).toEqual([]);
    });
  });
});
