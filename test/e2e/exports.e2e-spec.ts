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

// One of Santiago Pena's articles gets a date, a URL and a publisher (the seeds have none).
async function datePena(app: TestApp): Promise<void> {
  const hit = (await request(app.http).get('/api/v1/quotes').query({ q: 'great opportunity' })).body
    .items[0];
  const quote = (await request(app.http).get(`/api/v1/quotes/${hit.id}`).expect(200)).body;
  await request(app.http)
    .patch(`/api/v1/articles/${quote.appearances[0].article.id}`)
    .set(app.as('reviewer'))
    .send({
      publishedAt: '2023-04-30',
      url: 'https://news.example/paraguay-election',
      publisher: 'Asunción Daily',
    })
    .expect(200);
}

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
    await datePena(t);
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
      await datePena(large);
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
    expect(disputed.body[0]).toMatchObject({
      date: null, // its article is undated
      dated: false,
      url: null,
      reviewedBy: 'Rita Reviewer',
      evidence: ['https://www.amnesty.org/en/latest/news/2010/china-liu-xiaobo/'],
      appearances: 1,
    });
    expect(new Date(disputed.body[0].reviewedAt).toISOString()).toBe(
      disputed.body[0].reviewedAt.replace(/Z$/, '.000Z'),
    );
    await request(t.http).get('/api/v1/exports/quote-sheet').query({ format: 'pdf' }).expect(400);
    await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ from: 'last week' })
      .expect(400);
  });

  it('writes JSON with null for what is missing, ISO dates and numbers', async () => {
    const res = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'json', to: '2099-01-01', undated: 'include' })
      .expect(200);
    const rows: Record<string, unknown>[] = res.body;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      for (const v of Object.values(r)) expect(v).not.toBe('');
      expect(typeof r.appearances).toBe('number');
      expect(typeof r.dated).toBe('boolean');
      expect(Array.isArray(r.evidence) && Array.isArray(r.appearedIn)).toBe(true);
      if (r.date !== null) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.dated).toBe(r.date !== null);
    }
    expect(rows.some((r) => r.nativeName === null && r.reviewedAt === null)).toBe(true);
    expect(rows.find((r) => r.speaker === 'Santiago Pena')?.date).toBe('2023-04-30');
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

    // Dates are date cells, the article URL a link, the header frozen and filterable.
    const header = (sheet?.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    let pena: ExcelJS.Row | undefined;
    let wang: ExcelJS.Row | undefined;
    sheet?.eachRow((row, n) => {
      const quote = String(row.getCell(1).value);
      if (n > 1 && quote.startsWith('It’s a great opportunity')) pena = row;
      if (n > 1 && quote.startsWith('No one has been punished')) wang = row;
    });
    const date = pena!.getCell(col('Date'));
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('2023-04-30T00:00:00.000Z');
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect(pena!.getCell(col('URL')).value).toEqual({
      text: 'https://news.example/paraguay-election',
      hyperlink: 'https://news.example/paraguay-election',
    });
    expect(wang!.getCell(col('Date')).value).toBeNull(); // undated
    expect(wang!.getCell(col('Dated')).value).toBe('no');
    expect(wang!.getCell(col('Reviewed at')).value).toBeInstanceOf(Date);
    expect(wang!.getCell(col('Reviewed at')).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(wang!.getCell(col('Appearances')).value).toBe(1);
    expect(sheet?.getRow(1).getCell(col('Date')).value).toBe('Date');
    expect(sheet?.autoFilter).toBeTruthy();
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getColumn(1).width).toBe(80);
  });

  it('writes Markdown grouped under each speaker', async () => {
    const res = await request(t.http)
      .get('/api/v1/exports/quote-sheet')
      .query({ format: 'md', to: '2099-01-01', undated: 'include' })
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
    expect(wangSection).toContain('disputed (Rita Reviewer, ');
    expect(wangSection).toContain(
      '[https://www.amnesty.org/en/latest/news/2010/china-liu-xiaobo/](https://www.amnesty.org/en/latest/news/2010/china-liu-xiaobo/)',
    );
    // All quotes without a known speaker under one heading, last; a description goes with its quote.
    expect(md.match(/^## Unattributed$/gm)).toHaveLength(1);
    expect(headings[headings.length - 1]).toBe('Unattributed');
    expect(md.split('## Unattributed')[1]).toContain(
      '“unprecedented” — \\(unnamed: a South Korean political pundit\\)',
    );
    expect(headings.some((h) => h.includes('unnamed'))).toBe(false);
    // No dangling separators: no trailing comma, no empty parentheses or italics, undated said.
    for (const line of md.split('\n')) {
      expect(line).not.toMatch(/,\s*(\)|_|\||$)/);
      expect(line).not.toMatch(/\(\s*\)|__|\s\s\||\|\s+\|/);
    }
    expect(md).not.toContain(',”'); // the comma of "…,” he said" is not the quote's
    expect(md).toContain('| “We hope they do more than talk” |');
    expect(wangSection).toMatch(/\| undated \|/);
  });

  it('publishes the disputed claim as schema.org ClaimReview JSON-LD with every field', async () => {
    const res = await request(t.http).get('/api/v1/exports/claim-review').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(res.body['@context']).toBe('https://schema.org');
    const [review] = res.body['@graph'];
    const wangArticle = (await request(t.http).get(`/api/v1/claims/${claimId}`)).body.occurrences[0]
      .quote.article.id;
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      // A page a reader can open (the console's), built from PUBLIC_BASE_URL; the JSON as sameAs.
      url: `https://ledger.example/claims/${claimId}`,
      sameAs: `https://ledger.example/api/v1/claims/${claimId}`,
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
      reviewBody: 'Dissidents are imprisoned for their writing.',
      citation: [
        {
          '@type': 'CreativeWork',
          url: 'https://www.amnesty.org/en/latest/news/2010/china-liu-xiaobo/',
          name: 'Amnesty on Liu Xiaobo',
        },
      ],
      itemReviewed: {
        '@type': 'Claim',
        author: {
          '@type': 'Person',
          name: 'Wang Baodong',
          jobTitle: 'spokesman',
          affiliation: { '@type': 'Organization', name: 'Chinese embassy in Washington' },
        },
        // The article has no URL in the ledger: its page in the console.
        appearance: [
          {
            '@type': 'CreativeWork',
            url: `https://ledger.example/articles/${wangArticle}`,
            headline: expect.stringContaining('The administration of US President Barack Obama'),
          },
        ],
      },
    });
    expect(JSON.stringify(res.body)).not.toContain('localhost');
    // Undated article: no date is made up for the claim.
    expect(review.itemReviewed.datePublished).toBeUndefined();

    // Once the article is dated and has a URL, the appearance is the article itself.
    await request(t.http)
      .patch(`/api/v1/articles/${wangArticle}`)
      .set(t.as('reviewer'))
      .send({
        publishedAt: '2010-05-13',
        url: 'https://news.example/obama-china-talks',
        publisher: 'Taipei Times',
      })
      .expect(200);
    const one = await request(t.http)
      .get('/api/v1/exports/claim-review')
      .query({ claim: claimId })
      .expect(200);
    expect(one.body['@graph']).toHaveLength(1);
    expect(one.body['@graph'][0].itemReviewed).toMatchObject({
      datePublished: '2010-05-13',
      appearance: [
        {
          '@type': 'CreativeWork',
          url: 'https://news.example/obama-china-talks',
          datePublished: '2010-05-13',
          author: { '@type': 'Organization', name: 'Taipei Times' },
        },
      ],
    });
  });

  it('names an organisation as an Organization, and never publishes a withdrawn claim', async () => {
    const org = await request(t.http)
      .post('/api/v1/speakers')
      .set(t.as('reviewer'))
      .send({ name: 'Ministry of Truth', kind: 'organization' })
      .expect(201);
    const claim = await request(t.http)
      .post('/api/v1/claims')
      .set(t.as('reviewer'))
      .send({ text: 'Output rose by 20 percent', speakerId: org.body.id })
      .expect(201);
    await request(t.http)
      .post(`/api/v1/claims/${claim.body.id}/reviews`)
      .set(t.as('reviewer'))
      .set('If-Match', '"1"')
      .send({ verdict: 'false', rationale: 'Output fell.', evidence: [] })
      .expect(201);
    const review = await request(t.http)
      .get('/api/v1/exports/claim-review')
      .query({ claim: claim.body.id })
      .expect(200);
    const [item] = review.body['@graph'];
    expect(item.itemReviewed.author).toEqual({
      '@type': 'Organization',
      name: 'Ministry of Truth',
    });
    expect(item.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'False' });
    expect(item.citation).toBeUndefined(); // no evidence given

    const current = await request(t.http).get(`/api/v1/claims/${claim.body.id}`).expect(200);
    await request(t.http)
      .post(`/api/v1/claims/${claim.body.id}/withdraw`)
      .set(t.as('reviewer'))
      .set('If-Match', current.headers.etag)
      .send({ reason: 'Not said by the ministry' })
      .expect(200);
    const gone = await request(t.http)
      .get('/api/v1/exports/claim-review')
      .query({ claim: claim.body.id })
      .expect(200);
    expect(gone.body['@graph']).toEqual([]);
    const all = await request(t.http).get('/api/v1/exports/claim-review').expect(200);
    expect(JSON.stringify(all.body)).not.toContain(claim.body.id);
  });
});
