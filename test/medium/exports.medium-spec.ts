import { neutralise, neutralisedSql, sqlLiteral } from '@app/exports';
import { createTestDatabase, TestDatabase } from '../harness/test-database';
import { sql } from '../harness/sql';

// The CSV sheet neutralises formulas in SQL, the other sheets in JS: one rule, checked on the
// real Postgres for the unit cases and for every BMP character before and as a trigger.
describe('formula neutralisation in SQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('agrees with neutralise() on every case', async () => {
    const cases = [
      '=1+1',
      '   =1+1',
      '\u00a0=1',
      '\u200b+1',
      '\n =1',
      '＝1',
      '﹫x',
      'a=b',
      '',
      '“=1”',
    ];
    for (let c = 1; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue; // lone surrogates are not text
      const ch = String.fromCharCode(c);
      cases.push(ch, `${ch}=1`, `${ch}x`);
    }
    const rows = await sql<{ y: string }>(
      db.url,
      `SELECT ${neutralisedSql('x')} AS y FROM unnest($1::text[]) WITH ORDINALITY t(x, i) ORDER BY i`,
      [cases],
    );
    const differ = cases.filter((c, i) => rows[i].y !== neutralise(c));
    expect(differ).toEqual([]);
  });

  it('reads back every filter literal as the value', async () => {
    const text = "O'Hara \\ said “hi”";
    const [row] = await sql<{ t: string; a: string[]; d: Date }>(
      db.url,
      `SELECT ${sqlLiteral(text)} AS t, ${sqlLiteral(['x', "y'z"])} AS a, ${sqlLiteral(new Date('2020-01-02T03:04:05Z'))} AS d`,
    );
    expect(row).toEqual({ t: text, a: ['x', "y'z"], d: new Date('2020-01-02T03:04:05Z') });
  });
});
