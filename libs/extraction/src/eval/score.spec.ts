import { foldText, jaccard, mentionHead, nameWords, tokenSet } from './fold';
import {
  matchQuotes,
  speakerCanonical,
  speakerLenient,
  speakerStrict,
  type GoldQuote,
  type PredictedQuote,
} from './score';
import { scoreDocuments } from './tally';

describe('foldText', () => {
  it.each([
    ['“We hope they do more than talk,”', 'we hope they do more than talk'],
    ['  It’s   PART\nof it. ', "it's part of it"],
    ['ﬁne', 'fine'], // NFKC
    ['...', ''],
  ])('%j -> %j', (input, folded) => expect(foldText(input)).toBe(folded));
});

describe('tokenSet and jaccard', () => {
  it('tokens are runs of letters, digits and apostrophes', () => {
    expect([...tokenSet('It’s 2016 — U.S. time!')]).toEqual(["it's", '2016', 'u', 's', 'time']);
  });

  it.each([
    ['a b c', 'a b c', 1],
    ['a b c d', 'a b', 0.5],
    ['a b', 'c d', 0],
    ['', '', 0],
  ])('jaccard(%j, %j) = %d', (a, b, j) => expect(jaccard(tokenSet(a), tokenSet(b))).toBe(j));
});

describe('speaker names', () => {
  it.each([
    ['Mr. Obama', 'obama'],
    ['Sen. José Díaz-Balart', 'jose diaz balart'],
    ['Dr Prof Smith', 'smith'],
  ])('nameWords(%j)', (name, words) => expect(nameWords(name).join(' ')).toBe(words));

  it.each([
    ['Mr. Obama', 'Obama', true, true],
    ['Obama', 'Barack Obama', false, true],
    ['Trump', 'Eric Trump', false, true],
    ['Trump', null, false, false],
    ['Clinton', 'Bill Clinton', false, true],
    ['Hillary Clinton', 'Hillary', false, false],
  ])('gold %j vs predicted %j: strict %s, lenient %s', (gold, pred, strict, lenient) => {
    expect(speakerStrict(gold, pred)).toBe(strict);
    expect(speakerLenient(gold, pred)).toBe(lenient);
  });

  it.each([
    ['Rep. Jim Clyburn (D-S.C.), the assistant leader', 'Rep. Jim Clyburn'],
    ['her senior policy adviser, Jake Sullivan,', 'Jake Sullivan'],
    ['David French of the National Retail Federation', 'David French'],
    ['Secretary of State John Kerry', 'Secretary of State John Kerry'],
    ['Kenneth Baer, a former official who runs Crosscut Strategies', 'Kenneth Baer'],
    ['Bank of America', 'Bank of America'],
  ])('reads the name off the mention %j', (mention, head) =>
    expect(mentionHead(mention)).toBe(head),
  );
});

describe('matchQuotes', () => {
  const gold = (text: string, type = 'direct'): GoldQuote => ({ text, speaker: null, type });
  const pred = (text: string): PredictedQuote => ({ text, speaker: null });

  it('pairs best overlap first, one to one', () => {
    const pairs = matchQuotes([gold('a b c d'), gold('a b c')], [pred('a b c'), pred('a b c d e')]);
    expect(pairs.map((p) => [p.gold, p.predicted])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('needs an overlap of at least one half', () => {
    expect(matchQuotes([gold('a b c')], [pred('a x y')])).toEqual([]);
    expect(matchQuotes([gold('a b')], [pred('a b c d')])).toHaveLength(1);
  });
});

describe('scoreDocuments', () => {
  const doc = {
    id: 'd1',
    gold: [
      { text: 'We will win this election', speaker: 'Mr. Trump', type: 'direct' },
      { text: 'very fishy', speaker: 'Trump', type: 'partial' },
      { text: 'It is a shame and a disgrace', speaker: 'Clinton', type: 'direct' },
      { text: 'Nobody asked', speaker: null, type: 'direct' },
    ],
    predicted: [
      { text: 'We will win this election,', speaker: 'Donald Trump' },
      { text: 'very fishy', speaker: 'Donald Trump' }, // matched to a partial: don't care
      { text: 'It is a shame and a disgrace', speaker: null, speakerDescription: 'a Clinton aide' },
      { text: 'spurious words here', speaker: null },
    ],
  };

  it('scores quotes and speakers as the README says', () => {
    const r = scoreDocuments([doc], 5);
    expect(r).toMatchObject({ documents: 1, gold: 3, predicted: 4, matched: 2, dontCare: 1 });
    expect(r.quote.precision).toBeCloseTo(2 / 3, 4);
    expect(r.quote.recall).toBeCloseTo(2 / 3, 4);
    expect(r.quote.f1).toBeCloseTo(2 / 3, 4);
    expect(r.quote.exactShare).toBe(1);
    expect(r.speaker).toMatchObject({ scored: 2, strict: 0, lenient: 0.5 });
    expect(r.speaker.withDescriptions.lenient).toBe(1); // "a Clinton aide" holds the gold's last word
    expect(r.errors?.misses.map((e) => e.text)).toEqual(['Nobody asked']);
    expect(r.errors?.spurious.map((e) => e.text)).toEqual(['spurious words here']);
    expect(r.errors?.wrongSpeakers.map((e) => e.gold)).toEqual(['Clinton']);
  });

  it('leaves errors out unless asked', () => {
    expect(scoreDocuments([doc]).errors).toBeUndefined();
  });

  it('scores zero without predictions', () => {
    const r = scoreDocuments([{ ...doc, predicted: [] }]);
    expect(r.quote).toEqual({ precision: 0, recall: 0, f1: 0, exactShare: 0 });
  });
});

describe('canonical names', () => {
  it.each([
    ['Mr. Trump', 'Donald Trump', true],
    ['Donald Trump', 'Trump', true],
    ["Donald Trump's son", 'Donald Trump', false],
    ['Sen. Bob Casey, a Democrat from Pennsylvania', 'Bob Casey', true],
    ['President Obama', 'Michelle Obama', true], // name words {obama} is a subset: the README's reading
    ['Hillary Clinton', 'Bill Clinton', false],
    ['officials', 'Bill Clinton', false],
  ])('speakerCanonical(%j, %j) = %j', (gold, predicted, ok) =>
    expect(speakerCanonical(gold, predicted)).toBe(ok),
  );
});
