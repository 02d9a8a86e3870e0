import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BuiltApp, startBuiltApp } from './built-app';
import { ARTIFACTS, launch, seriousViolations } from './browser';

// The newsroom console in a real headless browser, on the built app started as the README says.
// Screenshots at 1280 and 390 px go to test/artifacts/ (ignored by git).
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
];

interface Hit {
  id: string;
  text: string;
  verdict: string;
  article: { id: string };
  speaker: { id: string; name: string } | null;
  claim: { id: string } | null;
}

describe('newsroom console (browser)', () => {
  let app: BuiltApp;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let reviewerKey: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startBuiltApp();
    const created = await app.api<{ key: string }>('POST', '/keys', {
      name: 'Desk reviewer',
      role: 'reviewer',
    });
    reviewerKey = created.key;
    const launched = await launch();
    closeBrowser = launched.close;
    page = await launched.context.newPage();
    page.setDefaultTimeout(20_000);
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  const url = (path: string) => `${app.base}${path}`;

  // A full-page picture at both widths, and an axe-core scan at each.
  async function shootAndScan(name: string): Promise<void> {
    for (const w of WIDTHS) {
      await page.setViewportSize({ width: w.width, height: w.height });
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${w.width}.png`), fullPage: true });
      expect({ page: name, width: w.width, violations: await seriousViolations(page) }).toEqual({
        page: name,
        width: w.width,
        violations: [],
      });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  const quoteByWords = async (words: string) => {
    const page = await app.api<{ items: Hit[] }>(
      'GET',
      `/quotes?q=${encodeURIComponent(words)}&limit=100`,
    );
    const hit = page.items.find((q) => q.text.includes(words));
    if (!hit) throw new Error(`no quote says "${words}"`);
    return hit;
  };

  it('serves the console at / and its routes, keeping /api JSON', async () => {
    const deep = await fetch(url('/articles/not-a-real-id'));
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="app">');
    const api = await fetch(url('/api/v1/no-such-thing'));
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(((await api.json()) as { message: string }).message).toContain('no-such-thing');
    const other = await fetch(url('/api/v2/quotes'));
    expect(other.status).toBe(404);
    expect(((await other.json()) as { message: string }).message).toContain('/api/v1');
    expect((await fetch(url('/docs-json'))).headers.get('content-type')).toContain('json');
    expect((await fetch(url('/health'))).status).toBe(200);
  });

  it('a journalist searches "expressions of mind" and opens Wang Baodong’s page', async () => {
    await page.goto(url('/'));
    await page.getByLabel('Words').fill('expressions of mind');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=expressions\+of\+mind/);
    // The list re-renders after the URL changes: wait for the answer, not the first row.
    const wang = page.locator('ol.quotes > li', { hasText: 'No one has been punished' });
    await page.waitForFunction("document.querySelectorAll('ol.quotes > li').length === 1");
    await expect(wang.count()).resolves.toBe(1);
    // The search is in the URL: the same address shows the same results.
    const shared = page.url();
    await page.goto(shared);
    await wang.first().waitFor();
    await shootAndScan('search');

    await wang.first().getByRole('link', { name: 'Wang Baodong' }).click();
    await page.getByRole('heading', { level: 1, name: /Wang Baodong/ }).waitFor();
    await expect(page.locator('h1').textContent()).resolves.toContain('王寶東');
    await page.getByRole('heading', { name: 'Affiliations over time' }).waitFor();
    await page.locator('ol.quotes > li').first().waitFor();
    await shootAndScan('speaker');

    await page.goto(url('/lookup?text=nobody+was+punished+for+expressing+his+mind'));
    await page.locator('ol.quotes > li').first().waitFor();
    await expect(page.locator('ol.quotes > li').first().textContent()).resolves.toMatch(
      /Wang Baodong.*Similarity.*\d+%/s,
    );
    await shootAndScan('lookup');
  }, 120_000);

  it('signs in with a pasted key and shows its role', async () => {
    await page.goto(url('/sign-in'));
    await shootAndScan('sign-in');
    await page.getByLabel('API key').fill(reviewerKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url('/'));
    await expect(page.locator('header .who').textContent()).resolves.toContain('reviewer');
    // Kept for the tab only, never in localStorage.
    expect(await page.evaluate('localStorage.length')).toBe(0);
    expect(await page.evaluate('sessionStorage.length')).toBe(1);
  }, 60_000);

  it('a reviewer corrects a quote’s speaker in the article view; search shows it', async () => {
    const quote = await quoteByWords('do more than talk');
    expect(quote.speaker?.name).toBe('Sharon Hom');
    await page.goto(url(`/articles/${quote.article.id}`));
    await page.locator('.article-body mark').first().waitFor();
    await shootAndScan('article');

    const card = page.locator('.quote-cards li', { hasText: 'do more than talk' });
    await card.locator('summary', { hasText: 'Fix this quote' }).click();
    await card.getByText('attribution', { exact: false }).first().waitFor();
    const box = card.getByRole('combobox', { name: 'Change the speaker to' });
    // By keyboard, as the combobox pattern has it: type, arrow down to the option, Enter.
    await box.fill('Todd Stein');
    await card.getByRole('option', { name: /Todd Stein/ }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await shootAndScan('article-fix');
    await box.press('ArrowDown');
    await box.press('Enter');
    await card.getByRole('status').filter({ hasText: 'Speaker changed to Todd Stein' }).waitFor();
    await page
      .locator('.quote-cards li', { hasText: 'do more than talk' })
      .locator('.card-head', { hasText: 'Todd Stein' })
      .waitFor();

    await page.goto(url(`/?q=${encodeURIComponent('"do more than talk"')}`));
    // Mostly stopwords: the phrase also finds Posner's "talks", in an order that may vary.
    const hit = page.locator('ol.quotes > li', { hasText: 'We hope they do more than talk' });
    await hit.waitFor();
    await expect(hit.getByRole('link', { name: 'Todd Stein' }).count()).resolves.toBe(1);
  }, 120_000);

  it('tells the reviewer when someone else changed the quote first, and shows the new state', async () => {
    const quote = await quoteByWords('do more than talk');
    await page.goto(url(`/articles/${quote.article.id}`));
    const card = page.locator('.quote-cards li', { hasText: 'do more than talk' });
    await card.locator('summary', { hasText: 'Fix this quote' }).click();
    await card.getByRole('button', { name: 'Confirm attribution' }).waitFor();
    // Another reviewer marks it while this one is looking.
    await app.api('PATCH', `/quotes/${quote.id}`, { attributionStatus: 'misattributed' });
    await card.getByRole('button', { name: 'Confirm attribution' }).click();
    await card.getByRole('alert').filter({ hasText: 'Someone else changed this quote' }).waitFor();
    await card.getByText('misattributed', { exact: true }).waitFor();
  }, 60_000);

  it('a reviewer claims selected words, marks the claim disputed with evidence; search shows it', async () => {
    const words = 'credible, serious human rights message';
    const quote = await quoteByWords(words);
    await page.goto(url(`/articles/${quote.article.id}`));
    const card = page.locator('.quote-cards li', { hasText: words });
    await card.locator('summary', { hasText: 'Fix this quote' }).click();
    const source = card.locator('.claim-source');
    await source.waitFor();
    // Select the words as a reader would, then make a claim of them.
    await page.evaluate(`(() => {
      const w = ${JSON.stringify(words)};
      const el = [...document.querySelectorAll('.claim-source')].find((e) => e.textContent.includes(w));
      const node = el.firstChild;
      const range = document.createRange();
      range.setStart(node, node.data.indexOf(w));
      range.setEnd(node, node.data.indexOf(w) + w.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    await card.getByRole('button', { name: 'Claim the selected words' }).click();
    await card.getByText(`Claim made: “${words}”`).waitFor();
    await card.getByRole('link', { name: 'Review it' }).click();

    await page.getByRole('heading', { level: 1, name: `“${words}”` }).waitFor();
    await page.getByRole('radio', { name: 'disputed' }).check();
    await page.getByLabel('Rationale').fill('The embassy disputes that such a message was needed.');
    await page.getByLabel('Link 1').fill('https://www.hrw.org/news/2010/05/13/us-china-dialogue');
    await page.getByLabel('Title 1').fill('HRW on the 2010 dialogue');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: disputed.' }).waitFor();
    await page.locator('ol.history > li', { hasText: 'HRW on the 2010 dialogue' }).waitFor();
    await shootAndScan('claim');

    await page.goto(url('/claims?tab=reviewed'));
    await page.locator('ol.claims li', { hasText: words }).waitFor();
    await shootAndScan('claims');

    await page.goto(url(`/?q=${encodeURIComponent('credible serious human rights message')}`));
    const hit = page.locator('ol.quotes > li', { hasText: 'credible, serious' });
    await hit.locator('.verdict', { hasText: 'disputed' }).waitFor();
    await page.goto(url('/?verdict=disputed'));
    await page.locator('ol.quotes > li', { hasText: 'credible, serious' }).waitFor();
  }, 120_000);

  it('scans the articles list and the claims queue; exports link to the current search', async () => {
    await page.goto(url('/articles'));
    await page.locator('ul.articles li').first().waitFor();
    await expect(page.locator('ul.articles li', { hasText: 'teaser' }).count()).resolves.toBe(5);
    await shootAndScan('articles');

    // A teaser is shown as one, and its unattributed quote stands out.
    const unattributed = (await app.api<{ items: Hit[] }>('GET', '/quotes?limit=100')).items.find(
      (q) => !q.speaker,
    )!;
    await page.goto(url(`/articles/${unattributed.article.id}`));
    await page.locator('.notice', { hasText: 'This is a teaser' }).waitFor();
    await page.locator('.card.low', { hasText: 'Unattributed' }).first().waitFor();
    await page.locator('.article-body mark.sp-none').first().waitFor();
    await shootAndScan('teaser');

    await page.goto(url('/claims'));
    await page.getByRole('heading', { name: 'Claims' }).waitFor();
    await page.locator('ol.claims, main [role=status]').first().waitFor();
    await shootAndScan('claims-unreviewed');

    await page.goto(url('/?q=dialogue&verdict=unreviewed'));
    await page.locator('ol.quotes > li').first().waitFor();
    const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csv).toBe('/api/v1/exports/quote-sheet?q=dialogue&verdict=unreviewed&format=csv');
    const res = await fetch(url(csv!));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('dialogue');
  }, 120_000);

  // Quotes the other tests read stay as they are.
  const TAKEN = ['do more than talk', 'credible, serious', 'No one has been punished'];
  const spareQuote = async (skip: string[] = []): Promise<Hit> => {
    const all = (await app.api<{ items: Hit[] }>('GET', '/quotes?limit=100')).items;
    const hit = all.find(
      (q) =>
        q.speaker &&
        !q.claim &&
        q.text.split(' ').length >= 8 &&
        ![...TAKEN, ...skip].some((w) => q.text.includes(w)),
    );
    if (!hit) throw new Error('no spare quote in the seeds');
    return hit;
  };
  // Eight words from the middle of a quote, as a phrase search finds it.
  const phrase = (text: string) => text.split(/\s+/).slice(1, 7).join(' ').replace(/["“”]/g, '');

  it('a reviewer rejects a quote with a reason: gone from search, shown as rejected, restorable', async () => {
    const quote = await spareQuote();
    TAKEN.push(quote.text.slice(0, 30));
    await page.goto(url(`/articles/${quote.article.id}`));
    const card = page.locator('.quote-cards > ol > li', { hasText: quote.text.slice(0, 30) });
    await card.locator('summary', { hasText: 'Fix this quote' }).click();
    await card.getByLabel('Reason to reject (not a quotation)').fill('A sign held up, not speech');
    await card.getByRole('button', { name: 'Reject quote' }).click();
    // The article's list drops it; reviewers find it under Rejected, marked as such.
    const rejected = page.locator('section.rejected > ol > li', {
      hasText: quote.text.slice(0, 30),
    });
    await rejected.locator('.rejected-badge').waitFor();
    await rejected.locator('summary', { hasText: 'Review or restore' }).click();
    await rejected.getByRole('button', { name: 'Restore' }).waitFor();
    await rejected.locator('summary', { hasText: 'Correction history' }).click();
    await rejected.getByText('A sign held up, not speech', { exact: false }).first().waitFor();
    await rejected.scrollIntoViewIfNeeded();
    await shootAndScan('article-rejected');

    const search = `/?q=${encodeURIComponent(`"${phrase(quote.text)}"`)}`;
    await page.goto(url(search));
    await page.locator('main [role=status]', { hasText: /quote|No quotes/ }).waitFor();
    await expect(
      page.locator('ol.quotes > li', { hasText: quote.text.slice(0, 30) }).count(),
    ).resolves.toBe(0);

    // Restored, it is back in search.
    await page.goto(url(`/articles/${quote.article.id}`));
    const again = page.locator('section.rejected > ol > li', { hasText: quote.text.slice(0, 30) });
    await again.locator('summary', { hasText: 'Review or restore' }).click();
    await again.getByRole('button', { name: 'Restore' }).click();
    await page
      .locator('.quote-cards > ol > li', { hasText: quote.text.slice(0, 30) })
      .first()
      .waitFor();
    await page.goto(url(search));
    await page.locator('ol.quotes > li', { hasText: quote.text.slice(0, 30) }).waitFor();
  }, 120_000);

  it('a reviewer withdraws a claim with a reason; it shows in its history and queue', async () => {
    const quote = await spareQuote();
    const claim = await app.api<{ id: string; text: string }>('POST', '/claims', {
      quoteId: quote.id,
    });
    await page.goto(url(`/claims/${claim.id}`));
    await page.getByLabel('Why withdraw this claim').fill('Made from the wrong quote');
    await page.getByRole('button', { name: 'Withdraw claim' }).click();
    await page.locator('.withdrawn-note', { hasText: 'Made from the wrong quote' }).waitFor();
    await page.locator('.verdict.v-withdrawn').first().waitFor();
    // A withdrawn claim takes no more reviews.
    await expect(page.getByRole('button', { name: 'Save review' }).count()).resolves.toBe(0);
    await shootAndScan('claim-withdrawn');
    await page.goto(url('/claims?tab=withdrawn'));
    await page.locator('ol.claims li', { hasText: claim.text.slice(0, 30) }).waitFor();
    await shootAndScan('claims-withdrawn');
    const after = await app.api<{ status: string }>('GET', `/claims/${claim.id}`);
    expect(after.status).toBe('withdrawn');
  }, 120_000);

  it('a reviewer edits a speaker’s affiliation and adds one with dates', async () => {
    const wang = (await quoteByWords('No one has been punished')).speaker!;
    await page.goto(url(`/speakers/${wang.id}`));
    await page.getByRole('heading', { name: 'Affiliations over time' }).waitFor();
    await page.locator('table.affiliations tbody tr').first().waitFor();
    await page
      .locator('table.affiliations tbody tr')
      .first()
      .getByRole('button', { name: /^Edit/ })
      .click();
    await page.getByLabel('Role, row 1').fill('press spokesman');
    await page.getByLabel('From, row 1').fill('2009-01-01');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Affiliation saved.' }).waitFor();
    const row = page.locator('table.affiliations tbody tr', { hasText: 'press spokesman' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('2009-01-01');

    await page.locator('summary', { hasText: 'Add an affiliation' }).click();
    await page.getByLabel('Role', { exact: true }).fill('minister-counsellor');
    await page.getByLabel('Organisation', { exact: true }).fill('Chinese embassy in London');
    await page.getByLabel('From', { exact: true }).fill('2012-03-01');
    await page.getByLabel('To', { exact: true }).fill('2014-06-30');
    await page.getByRole('button', { name: 'Add affiliation' }).click();
    await page
      .locator('table.affiliations tbody tr', { hasText: 'Chinese embassy in London' })
      .waitFor();
    await shootAndScan('speaker-edit');

    // Names: an alias added by a reviewer is kept with the profile.
    await page.locator('summary', { hasText: 'Edit names and kind' }).click();
    const aliases = page.getByLabel('Aliases (comma-separated)');
    const had = await aliases.inputValue();
    await aliases.fill([had, 'Ambassador Wang'].filter(Boolean).join(', '));
    await page.getByRole('button', { name: 'Save speaker' }).click();
    await page.getByRole('status').filter({ hasText: 'Speaker saved.' }).waitFor();
    await page.locator('.facts', { hasText: 'Ambassador Wang' }).waitFor();

    // Deleting a speaker who still has quotes: the API's 409 message is shown.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete speaker' }).click();
    await page.locator('.danger-zone [role=alert]').waitFor();
    await expect(page.locator('.danger-zone [role=alert]').textContent()).resolves.toContain('409');
  }, 120_000);

  it('a merged speaker’s old address shows the survivor; an empty speaker can be deleted', async () => {
    const keep = await app.api<{ id: string }>('POST', '/speakers', { name: 'Jan Kowalski' });
    const gone = await app.api<{ id: string }>('POST', '/speakers', { name: 'J. Kowalski' });
    await app.api('POST', `/speakers/${keep.id}/merge`, { from: [gone.id] });
    await page.goto(url(`/speakers/${gone.id}`));
    await page.waitForURL(url(`/speakers/${keep.id}?merged=1`));
    await page.getByRole('heading', { level: 1, name: /Jan Kowalski/ }).waitFor();
    await page.getByRole('status').filter({ hasText: 'was merged into Jan Kowalski' }).waitFor();

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete speaker' }).click();
    await page.waitForURL(/\/\?deleted=/);
    await page.getByRole('status').filter({ hasText: 'Speaker Jan Kowalski deleted.' }).waitFor();
  }, 120_000);

  it('a reviewer dates an undated article; it says so before and after', async () => {
    const undated = await app.api<{ items: { id: string }[] }>(
      'GET',
      '/articles?undated=only&limit=1',
    );
    const id =
      undated.items[0]?.id ??
      (
        await app.api<{ articles: { id: string }[] }>('POST', '/articles', {
          body: 'The mayor said: "We will open the bridge on Monday, whatever the weather does."',
          title: 'Bridge to open',
        })
      ).articles[0].id;
    await page.goto(url(`/articles/${id}`));
    await page.locator('main .flag', { hasText: 'Undated' }).waitFor();
    await page.locator('summary', { hasText: 'Edit the article’s details' }).click();
    await page.getByLabel('Publisher').fill('Taipei Times');
    await page.getByLabel('Published on').fill('2019-03-05');
    await shootAndScan('article-edit');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('status').filter({ hasText: 'Article saved.' }).waitFor();
    await page.locator('main p.muted', { hasText: '2019-03-05' }).first().waitFor();
    const after = await app.api<{ publishedAt: string; publisher: string }>(
      'GET',
      `/articles/${id}`,
    );
    expect(after.publishedAt.slice(0, 10)).toBe('2019-03-05');
    expect(after.publisher).toBe('Taipei Times');

    // The list filters by publisher and published date.
    await page.goto(url('/articles?publisher=Taipei+Times&from=2019-03-01&to=2019-03-31'));
    await page.locator('ul.articles li', { hasText: '2019-03-05' }).first().waitFor();
    await shootAndScan('articles-filtered');
  }, 120_000);

  it('a reviewer creates a missing speaker from the quote and credits it; history shows it', async () => {
    const quote = await spareQuote();
    TAKEN.push(quote.text.slice(0, 30));
    await page.goto(url(`/articles/${quote.article.id}`));
    const card = page.locator('.quote-cards > ol > li', { hasText: quote.text.slice(0, 30) });
    await card.locator('summary', { hasText: 'Fix this quote' }).click();
    await card.locator('summary', { hasText: 'New speaker…' }).click();
    await card.getByLabel('Name', { exact: true }).fill('Ana Ferreira');
    await card.getByLabel('Aliases (comma-separated)').fill('A. Ferreira');
    await card.getByLabel('Kind').selectOption('person');
    await card.getByRole('button', { name: 'Create and credit' }).click();
    const credited = page.locator('.quote-cards > ol > li', { hasText: quote.text.slice(0, 30) });
    await credited.locator('.card-head', { hasText: 'Ana Ferreira' }).waitFor();
    const after = await app.api<{ speaker: { name: string } | null }>('GET', `/quotes/${quote.id}`);
    expect(after.speaker?.name).toBe('Ana Ferreira');
    const history = await app.api<{ action: string }[]>('GET', `/quotes/${quote.id}/history`);
    expect(history.length).toBeGreaterThan(0);
  }, 120_000);
});
