import { estimateTsQuery } from './tsquery-estimate';

describe('estimateTsQuery: the share of quotes a search can match', () => {
  const shares = new Map([
    ['govern', 0.01],
    ['pension', 0.07],
    ['thousand', 0.08],
    ["o'brien", 0.002],
  ]);

  it('takes a word’s share from the statistics, and half the rarest for an unknown word', () => {
    expect(estimateTsQuery("'govern'", shares)).toEqual({ share: 0.01, phrase: false });
    expect(estimateTsQuery("'vaisk'", shares).share).toBeCloseTo(0.001);
  });

  it('multiplies for AND and for a phrase, adds for OR, complements NOT', () => {
    expect(estimateTsQuery("'pension' & 'thousand'", shares).share).toBeCloseTo(0.0056);
    expect(estimateTsQuery("'pension' <-> 'thousand'", shares)).toEqual({
      share: expect.closeTo(0.0056, 6) as number,
      phrase: true,
    });
    expect(estimateTsQuery("'pension' <2> 'thousand'", shares).phrase).toBe(true);
    expect(estimateTsQuery("'govern' | 'pension'", shares).share).toBeCloseTo(0.0793);
    expect(estimateTsQuery("'govern' & !'pension'", shares).share).toBeCloseTo(0.0093);
  });

  it('reads precedence and parentheses as Postgres prints them', () => {
    // & binds tighter than |: govern | (pension & thousand)
    expect(estimateTsQuery("'govern' | 'pension' & 'thousand'", shares).share).toBeCloseTo(
      0.01 + 0.0056 - 0.01 * 0.0056,
    );
    expect(estimateTsQuery("( 'govern' | 'pension' ) & 'thousand'", shares).share).toBeCloseTo(
      0.0793 * 0.08,
    );
    expect(estimateTsQuery("!( 'govern' <-> 'pension' )", shares)).toMatchObject({ phrase: true });
  });

  it('reads quoted lexemes, weights and prefixes', () => {
    expect(estimateTsQuery("'o''brien'", shares).share).toBeCloseTo(0.002);
    expect(estimateTsQuery("'govern':AB & 'pension':*", shares).share).toBeCloseTo(0.0007);
  });

  it('finds nothing to match in an empty query, and everything unknown without statistics', () => {
    expect(estimateTsQuery('', shares)).toEqual({ share: 0, phrase: false });
    expect(estimateTsQuery("'govern'", new Map()).share).toBe(0);
  });

  it('refuses text that is not a tsquery', () => {
    expect(() => estimateTsQuery("'govern' &", shares)).toThrow(/Unreadable tsquery/);
    expect(() => estimateTsQuery("'govern", shares)).toThrow(/Unreadable tsquery/);
    expect(() => estimateTsQuery('govern', shares)).toThrow(/Unreadable tsquery/);
  });
});
