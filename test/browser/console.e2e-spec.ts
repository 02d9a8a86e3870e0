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
});
