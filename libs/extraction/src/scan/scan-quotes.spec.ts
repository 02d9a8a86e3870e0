import { scanQuotes } from './scan-quotes';

// Each case: input text, the quoted texts found (marks excluded), and flags.
function quotesOf(text: string): string[] {
  return scanQuotes(text).map((q) => text.slice(q.start, q.end));
}

describe('scanQuotes', () => {
  it.each([
    [
      'curly doubles',
      'He said “We hope they do more than talk,” today.',
      ['We hope they do more than talk,'],
    ],
    ['straight doubles', 'He said "It is done." Then "Again."', ['It is done.', 'Again.']],
    ['curly singles', 'a pundit called it ‘unprecedented’ in Korea', ['unprecedented']],
    ['double apostrophes', "''Good news,'' said Mr. Garin.", ['Good news,']],
    ['straight singles', "It is 'wrong track' talk", ['wrong track']],
    ['guillemets', 'Il a dit «non» hier', ['non']],
    ['mixed marks', '“It works," she said.', ['It works,']],
  ])('finds %s', (_name, text, expected) => {
    expect(quotesOf(text)).toEqual(expected);
  });

  it.each([
    ['it’s, countries’, O’Connor, ’90s', 'it’s the countries’ view, O’Connor said of the ’90s'],
    ['straight apostrophes', "It's the players' union, O'Connor's and the '90s"],
    ['a lone double mark', 'He is 6\'2" tall'],
    ['an empty quote', 'It said "" and “ ”'],
  ])('takes no quote from %s', (_name, text) => {
    expect(quotesOf(text)).toEqual([]);
  });

  it('keeps nested quotes inside their quote', () => {
    const text = '“It would be a ‘check the box’ exercise,” Stein said.';
    expect(quotesOf(text)).toEqual(['It would be a ‘check the box’ exercise,']);
  });

  it("closes a nested 'quote.'' run with the single mark first", () => {
    const text = "he said, ''the 'wrong track.'''\nNext";
    expect(quotesOf(text)).toEqual(["the 'wrong track.'"]);
  });

  it('ends a quote carried over paragraphs at each paragraph and reopens it', () => {
    const text = '“First paragraph of the quote.\n“Second and last part.” he said.';
    const quotes = scanQuotes(text);
    expect(quotes.map((q) => text.slice(q.start, q.end))).toEqual([
      'First paragraph of the quote.',
      'Second and last part.',
    ]);
    expect(quotes.map((q) => [q.unterminated, q.continued, q.paragraph])).toEqual([
      [false, false, 0],
      [false, true, 1],
    ]);
  });

  it('leaves a quote open where the text is cut off', () => {
    const text = 'The call came. “We both attach great importance to interaction, hope for';
    const [q] = scanQuotes(text);
    expect(text.slice(q.start, q.end)).toBe(
      'We both attach great importance to interaction, hope for',
    );
    expect(q.unterminated).toBe(true);
    expect(q.close).toBeNull();
  });

  it('never takes a teaser kicker label for a quote', () => {
    expect(quotesOf('‘GREAT OPPRTUNITY’: Pena called it a “dream come true”')).toEqual([
      'dream come true',
    ]);
    expect(quotesOf('“DISCRIMINATION”: text')).toEqual([]);
  });

  it('gives offsets of the opening and closing marks', () => {
    const text = 'x “ab” y';
    expect(scanQuotes(text)).toEqual([
      {
        start: 3,
        end: 5,
        open: 2,
        close: 5,
        after: 6,
        paragraph: 0,
        unterminated: false,
        continued: false,
      },
    ]);
  });

  it('stays linear on a megabyte of unbalanced marks', () => {
    const text = '“\'‘"’”'.repeat(175_000);
    const t0 = Date.now();
    scanQuotes(text);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
