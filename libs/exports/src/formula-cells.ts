import { escapeLiteral } from 'pg';

// A cell a spreadsheet would run as a formula is neutralised with a leading apostrophe
// (OWASP CSV injection): = + - @ tab and carriage return, also when whitespace, NBSP or
// zero-width characters come first (spreadsheets skip them) and in their full-width and small
// forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫), which some spreadsheets fold to ASCII.
// One rule in two engines: the CSV sheet applies it in SQL (COPY writes the file), the other
// sheets in JS. Both regexes are rendered from these code point ranges, in the `\uXXXX` syntax
// that JS and Postgres regular expressions share.

// What a spreadsheet skips before a formula: JS's \s (Unicode white space and BOM), U+180E
// and the zero-width characters U+200B–U+200D, U+2060.
const LEAD_IN: [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x180e, 0x180e],
  [0x2000, 0x200d],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x2060],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
// What starts a formula.
const TRIGGERS = [
  0x3d, // =
  0x2b, // +
  0x2d, // -
  0x40, // @
  0x09, // tab
  0x0d, // carriage return
  0xff1d, // ＝
  0xff0b, // ＋
  0xff0d, // －
  0xff20, // ＠
  0xfe62, // ﹢
  0xfe63, // ﹣
  0xfe66, // ﹦
  0xfe6b, // ﹫
];

const u = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const range = ([a, b]: [number, number]) => (a === b ? u(a) : `${u(a)}-${u(b)}`);

export const FORMULA_PATTERN = `^[${LEAD_IN.map(range).join('')}]*[${TRIGGERS.map(u).join('')}]`;
const FORMULA = new RegExp(FORMULA_PATTERN);

export function neutralise(value: string): string {
  const c = value.charCodeAt(0);
  // Fast path for the million-row export: a letter or most other ASCII cannot start a formula.
  if (c > 64 && c < 127) return value;
  return FORMULA.test(value) ? `'${value}` : value;
}

// The same rule as an SQL expression over a text column `col` (a plain column reference: it is
// repeated). ascii() is the first character's code point, the same fast path as above.
export function neutralisedSql(col: string): string {
  return `CASE WHEN ascii(${col}) BETWEEN 65 AND 126 THEN ${col}
    WHEN ${col} ~ ${escapeLiteral(FORMULA_PATTERN)} THEN '''' || ${col} ELSE ${col} END`;
}
