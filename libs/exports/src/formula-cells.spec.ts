import { FORMULA_PATTERN, neutralise } from './formula-cells';
import { sqlLiteral } from './csv-sheet.sql';

// The rule as it was written before it was shared with SQL: the rendered pattern must not drift.
const WRITTEN =
  /^[\s\u180e\u200b-\u200d\u2060\ufeff]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b]/;

export const NEUTRALISE_CASES: [string, string][] = [
  ['=1+1', "'=1+1"],
  ['+44 20 7946 0000', "'+44 20 7946 0000"],
  ['-2', "'-2"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tx', "'\tx"],
  ['\rx', "'\rx"],
  ['plain', 'plain'],
  ['a=b', 'a=b'],
  ['', ''],
  ['   =1+1', "'   =1+1"],
  ['\u00a0=1+1', "'\u00a0=1+1"],
  ['\u200b=1+1', "'\u200b=1+1"],
  ['\u200c\u200d\u2060\ufeff=1+1', "'\u200c\u200d\u2060\ufeff=1+1"],
  ['\n =1', "'\n =1"],
  ['＝1+1', "'＝1+1"],
  ['＋1', "'＋1"],
  ['－1', "'－1"],
  ['＠SUM(1,1)', "'＠SUM(1,1)"],
  ['﹦1+1', "'﹦1+1"],
  ['  plain', '  plain'],
  ['“=1+1”', '“=1+1”'],
  ['42 = 6 × 7', '42 = 6 × 7'],
];

describe('formula cells', () => {
  it.each(NEUTRALISE_CASES)('neutralise(%j) = %j', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it('renders the same rule as written, for every character of the BMP', () => {
    const rendered = new RegExp(FORMULA_PATTERN);
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `${ch}=`, `${ch}x`])
        if (rendered.test(s) !== WRITTEN.test(s)) differ.push(s);
    }
    expect(differ).toEqual([]);
  });
});

describe('sqlLiteral', () => {
  it.each([
    ['plain', "'plain'"],
    ["O'Hara", "'O''Hara'"],
    ['back\\slash', " E'back\\\\slash'"],
    [['a', "b'"], "ARRAY['a','b''']::text[]"],
    [[], 'ARRAY[]::text[]'],
    [new Date('2020-01-02T03:04:05Z'), "'2020-01-02T03:04:05.000Z'::timestamptz"],
  ])('%j → %s', (value, literal) => {
    expect(sqlLiteral(value)).toBe(literal);
  });

  it('refuses what it cannot write', () => {
    expect(() => sqlLiteral(1)).toThrow(TypeError);
  });
});
