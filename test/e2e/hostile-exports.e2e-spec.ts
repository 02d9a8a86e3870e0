import request from 'supertest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createTestApp, TestApp } from '../harness/test-app';
import { sql } from '../harness/sql';

// Exports that cannot attack their reader: formula payloads stay text in CSV and XLSX, HTML and
// javascript: links stay text in Markdown, and ClaimReview JSON-LD can sit in a <script>.

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

// Distinct words: quotes whose normalised text is the same would be folded into one.
const FORMULAS = ['   =1+1', '\u00a0=2+2', '\u200b=3+3', '＝4+4', '＠SUM(1,1)', '+5+5', '-6+6'];
const SCRIPT = '</script><script>alert(1)</script>';
const JS_LINK = '[x](javascript:alert(1))';
const PAYLOADS = [...FORMULAS, SCRIPT, JS_LINK, '\u2028line\u2029separators'];
const TITLE = `<script>alert(1)</script> ${JS_LINK}`;
const URL = 'https://example.org/a)](javascript:alert(1))';
const WORDS = [
  'Alpha',
  'Bravo',
  'Charlie',
  'Delta',
  'Echo',
  'Foxtrot',
  'Golf',
  'Hotel',
  'India',
  'Juliett',
  'Kilo',
  'Lima',
];
const BIG = `${'All work and no play makes a long quote. '.repeat(25_000)}The end`;

// A cell a spreadsheet would evaluate: a trigger after any invisible lead-in.
const LIVE_FORMULA = /^[\s\u00a0\u180e\u200b-\u200d\u2060\ufeff]*[=+\-@＝＋－＠]/;

describe('exports that cannot attack the reader', () => {
  let t: TestApp;
  let articleId: string;
  let bigQuoteId: string;
  let scriptClaimId: string;

  const sheet = (format: string) =>
    request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format, article: articleId })
      .buffer(true)
      .parse(binary)
      .expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    const body = WORDS.slice(0, PAYLOADS.length + 1)
      .map((w) => `“${w} said something quotable today,” said Ann Lee.`)
      .join('\n\n');
    const created = await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .send({ body, title: TITLE, url: URL, publishedAt: '2010-05-14' })
      .expect(201);
    const article = created.body.articles[0];
    articleId = article.id;
    const ids: string[] = article.quotes.map((q: { quoteId: string }) => q.quoteId);
    expect(ids.length).toBe(PAYLOADS.length + 1);
    for (const [i, text] of PAYLOADS.entries()) {
      await request(t.http)
        .patch(`/api/v1/quotes/${ids[i]}`)
        .set(t.as('reviewer'))
        .send({ text })
        .expect(200);
    }
    // A 1 MB quote cannot be sent through PATCH (10,000 characters at most): written directly.
    bigQuoteId = ids[PAYLOADS.length];
    await sql(t.db.url, 'UPDATE quote SET text = $1 WHERE id = $2', [BIG, bigQuoteId]);
    scriptClaimId = (
      await request(t.http)
        .post('/api/v1/claims')
        .set(t.as('reviewer'))
        .send({ quoteId: ids[PAYLOADS.indexOf(SCRIPT)] })
        .expect(201)
    ).body.id;
    await request(t.http)
      .post(`/api/v1/claims/${scriptClaimId}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', '"1"')
      .send({ verdict: 'false', rationale: `${SCRIPT} \u2028 <!-- ${JS_LINK}` })
      .expect(201);
  }, 60_000);
  afterAll(() => t.close());

  it('CSV: every formula payload is prefixed with an apostrophe', async () => {
    const res = await sheet('csv');
    const rows: string[][] = parse(res.body.toString('utf8'), { bom: true });
    const cells = rows.slice(1).flat();
    for (const payload of FORMULAS) expect(cells).toContain(`'${payload}`);
    expect(cells.filter((c) => LIVE_FORMULA.test(c))).toEqual([]);
    expect(cells).toContain(SCRIPT);
  });

  it('XLSX: formula payloads are string cells, a 1 MB quote is cut with a marker', async () => {
    const res = await sheet('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('Quotes')!;
    const texts: string[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
        if (typeof cell.value === 'string') texts.push(cell.value);
      });
    });
    for (const payload of FORMULAS) expect(texts).toContain(payload);
    const big = texts.find((v) => v.startsWith('All work'))!;
    expect(big.length).toBeLessThanOrEqual(32_767);
    expect(big.endsWith('… [truncated]')).toBe(true);
    expect(Math.max(...texts.map((v) => v.length))).toBeLessThanOrEqual(32_767);
    // No <f> (formula) element anywhere in the sheet XML.
    expect(res.body.includes(Buffer.from('<f>'))).toBe(false);
    // The article URL is a link to where it says (http(s) only), its text the URL as stored;
    // the date a date cell.
    const header = (ws.getRow(1).values as string[]).slice(1);
    const row = ws.getRow(2);
    const link = row.getCell(header.indexOf('URL') + 1).value as ExcelJS.CellHyperlinkValue;
    expect(link.text).toBe(URL);
    expect(link.hyperlink).toMatch(/^https:\/\/example\.org\/a\)/);
    expect(row.getCell(header.indexOf('Date') + 1).value).toEqual(new Date('2010-05-14T00:00:00Z'));
  });

  it('Markdown: no live HTML, no javascript: link, the URL stays inside its link', async () => {
    const md: string = (await sheet('md')).body.toString('utf8');
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/<\/script/i);
    expect(md).not.toMatch(/\]\(javascript:/i);
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(md).toContain('(https://example.org/a%29%5D%28javascript:alert%281%29%29)');
    // Every table row still has its six column separators (none broken by data).
    for (const line of md.split('\n').filter((l) => l.startsWith('| “'))) {
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(7);
    }
  });

  it('JSON-LD: safe inside <script>, and the same data to a JSON parser', async () => {
    const res = await request(t.http)
      .get('/api/v1/exports/claim-review')
      .query({ claim: scriptClaimId })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const raw = res.body.toString('utf8');
    expect(raw).not.toContain('<');
    expect(raw).not.toContain('>');
    expect(raw).not.toContain('\u2028');
    expect(raw).toContain('\\u003c/script\\u003e');
    const graph = JSON.parse(raw)['@graph'];
    expect(graph[0].claimReviewed).toBe(SCRIPT);
    expect(graph[0].reviewBody).toBe(`${SCRIPT} \u2028 <!-- ${JS_LINK}`);
  });
});
