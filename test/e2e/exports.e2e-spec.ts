import request from 'supertest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { SeedLoader } from '@app/articles';
import { createTestApp, TestApp } from '../harness/test-app';
import { SEEDS_DIR } from '../harness/seeds';
import { sql } from '../harness/sql';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('quote sheets and ClaimReview export', () => {
  let t: TestApp;
  let claimId: string;

  beforeAll(async () => {
    t = await createTestApp({
      PUBLISHER_NAME: 'Taipei Fact Desk',
      PUBLISHER_URL: 'https://factdesk.example',
      PUBLIC_BASE_URL: 'https://ledger.example',
    });
    await t.app.get(SeedLoader).load(SEEDS_DIR);
    const quoteId = (
      await request(t.http).get('/api/v1/quotes').query({ q: 'expressions of mind' })
    ).body.items[0].id;
    claimId = (
      await request(t.http)
        .post('/api/v1/claims')
        .set(t.as('reviewer'))
        .send({ quoteId })
        .expect(201)
    ).body.id;
    await request(t.http)
      .post(`/api/v1/claims/${claimId}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', '"1"')
      .send({
        verdict: 'disputed',
        rationale: 'Dissidents are imprisoned for their writing.',
        evidence: [
          {
            url: 'https://www.amnesty.org/en/latest/news/2010/china-liu-xiaobo/',
            title: 'Amnesty on Liu Xiaobo',
          },
        ],
      })
      .expect(201);
  });
  afterAll(() => t.close());

  it('exports the seed sheet as RFC 4180 CSV: one row per quote, Chinese intact, verdicts filled', async () => {
    const res = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'csv' })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="quote-sheet-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.text).toContain('\r\n');
    const rows: Record<string, string>[] = parse(res.text, { columns: true });
    // One row per stored quote: the seeds, and Jane Roe's when the formula test ran first.
    const [{ n }] = await sql<{ n: number }>(t.db.url, 'SELECT count(*)::int AS n FROM quote');
    expect(rows).toHaveLength(n);
    const wang = rows.find((r) => r.Quote.startsWith('No one has been punished'));
    expect(wang).toMatchObject({
      Speaker: 'Wang Baodong',
      'Native name': '王寶東',
      Role: 'spokesman',
      Organisation: 'Chinese embassy in Washington',
      Verdict: 'disputed',
      'Reviewed by': 'Rita Reviewer',
    });
    expect(wang?.Evidence).toContain('amnesty.org');
    const pena = rows.find((r) => r.Quote.startsWith('It’s a great opportunity'));
    expect(pena?.['Appeared in'].split('; ').sort()).toEqual([
      '000_a7644bffb8636c00.txt',
      '001_0a4ea6d926ece0b7.txt',
    ]);
    expect(rows.find((r) => r.Quote === 'unprecedented')?.Speaker).toBe(
      '(unnamed: a South Korean political pundit)',
    );
  });

  it('gives the same sheet through the whole-table plan used for large exports', async () => {
    const large = await createTestApp({ EXPORT_LARGE_SHEET_ROWS: '0' });
    try {
      await large.app.get(SeedLoader).load(SEEDS_DIR);
      // Ids, dates (ingest time) and review columns differ between the two databases by design.
      const normalise = (csv: string) =>
        (parse(csv, { columns: true }) as Record<string, string>[])
          .map(
            ({
              'Quote ID': _i,
              Date: _d,
              Verdict: _v,
              'Reviewed by': _b,
              'Reviewed at': _a,
              Evidence: _e,
              ...r
            }) => r,
          )
          .sort((a, b) => (a.Quote < b.Quote ? -1 : 1));
      const bySmall = normalise(
        (
          await request(t.http)
            .get('/api/v1/exports/quote-sheet')
            .query({ to: '2099-01-01', undated: 'include' })
        ).text,
      ).filter((r) => !r.Speaker.startsWith('Jane Roe'));
      const byLarge = normalise(
        (await request(large.http).get('/api/v1/exports/quote-sheet')).text,
      );
      expect(byLarge.length).toBeGreaterThan(0);
      expect(byLarge).toEqual(bySmall);
    } finally {
      await large.close();
    }
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    await request(t.http)
      .post('/api/v1/articles')
      .set(t.as('reviewer'))
      .send({
        body: '“=HYPERLINK("http://evil.example","click")” is what Jane Roe wrote, said Jane Roe.\n“@SUM(A1:A2) rules,” Jane Roe said.',
      })
      .expect(201);
    const res = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'csv', speaker: 'Jane Roe' })
      .expect(200);
    const rows: Record<string, string>[] = parse(res.text, { columns: true });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.Quote).toMatch(/^'[=@]/);
  });

  it('filters the sheet like GET /quotes, and streams JSON', async () => {
    const res = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'json', speaker: 'Michael Posner' })
      .expect(200);
    expect(res.body).toHaveLength(5);
    const disputed = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'json', verdict: 'disputed' })
      .expect(200);
    expect(disputed.body.map((r: { speaker: string }) => r.speaker)).toEqual(['Wang Baodong']);
    await request(t.http).get('/api/v1/exports/quote-sheet').query({ format: 'pdf' }).expect(400);
    await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ from: 'last week' })
      .expect(400);
  });

  it('writes a real XLSX workbook with the same rows', async () => {
    const res = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'xlsx', to: '2099-01-01', undated: 'include' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-disposition']).toMatch(/\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const sheet = wb.getWorksheet('Quotes');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Quote');
    const csv: Record<string, string>[] = parse(
      (
        await request(t.http)
          .get('/api/v1/exports/quote-sheet')
          .query({ to: '2099-01-01', undated: 'include' })
      ).text,
      { columns: true },
    );
    expect((sheet?.actualRowCount ?? 0) - 1).toBe(csv.length);
    const quotes = new Set<string>();
    sheet?.eachRow((row, n) => n > 1 && quotes.add(String(row.getCell(1).value)));
    expect(quotes).toEqual(new Set(csv.map((r) => r.Quote.replace(/^'/, ''))));
  });

  it('writes Markdown grouped under each speaker', async () => {
    const res = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'md' })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown/);
    const md = res.text;
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Michael Posner',
        'Wang Baodong (王寶東)',
        'Sharon Hom',
        'Santiago Pena',
        'Todd Stein',
        'Donald Trump',
        'Unattributed',
      ]),
    );
    expect(new Set(headings).size).toBe(headings.length); // each speaker once
    const wangSection = md.split('## Wang Baodong')[1].split('\n## ')[0];
    expect(wangSection.match(/^\| “/gm)).toHaveLength(5);
    expect(wangSection).toContain('disputed (Rita Reviewer');
  });

  it('publishes the disputed claim as schema.org ClaimReview JSON-LD with every field', async () => {
    const res = await request(t.http).get('/api/v1/exports/claim-review').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(res.body['@context']).toBe('https://schema.org');
    const [review] = res.body['@graph'];
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      url: `https://ledger.example/api/v1/claims/${claimId}`,
      datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      author: {
        '@type': 'Organization',
        name: 'Taipei Fact Desk',
        url: 'https://factdesk.example',
      },
      claimReviewed: 'No one has been punished just because of his expressions of mind',
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 3,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'Disputed',
      },
      itemReviewed: {
        '@type': 'Claim',
        author: {
          '@type': 'Person',
          name: 'Wang Baodong',
          jobTitle: 'spokesman',
          affiliation: { '@type': 'Organization', name: 'Chinese embassy in Washington' },
        },
        datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        appearance: [
          expect.objectContaining({
            '@type': 'NewsArticle',
            headline: expect.stringContaining('The administration of US President Barack Obama'),
          }),
        ],
      },
    });
    const one = await request(t.http)
      .get('/api/v1/exports/claim-review')
      .query({ claim: claimId })
      .expect(200);
    expect(one.body['@graph']).toHaveLength(1);
  });
});
