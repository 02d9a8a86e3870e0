import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, segmentDocument } from '../src';

// Random text built from the pieces that make extraction hard: every kind of
// quote mark, apostrophes, names, cues, titles, kickers, newlines.
const PIECES = [
  '“',
  '”',
  '"',
  "'",
  '‘',
  '’',
  "''",
  '«',
  '»',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '.',
  ',',
  ':',
  '—',
  '(',
  ')',
  '―',
  'said',
  'says',
  'told',
  'according to',
  'saying',
  'he',
  'she',
  'they',
  'the spokesman',
  'a senior official',
  'Mr.',
  'Sen.',
  'President',
  'Wang',
  'Baodong',
  'Michael Posner',
  'Posner',
  'O’Connor',
  "it's",
  'countries’',
  '’90s',
  '王寶東',
  'DIALOGUE: ',
  '‘GREAT OPPRTUNITY’: ',
  'PENCE: ',
  'of',
  'the',
  'Human Rights in China',
  'and',
  'NASA',
  'CEO',
  'who',
  'which',
  'herself',
  'a',
  'called',
  'to',
  'adding',
  'Ms.',
  'White',
  'Theresa',
  'May',
  'Ian',
  'Read',
  'Trump’s',
  'comments',
  'on',
];

const pieceText = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 120 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  pieceText,
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

describe('extract on random text', () => {
  it('never throws and gives valid offsets', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { quotes, people } = extract(text);
        for (const q of quotes) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(text.length);
          expect(q.start).toBeLessThanOrEqual(q.end);
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(q.confidence).toBeGreaterThanOrEqual(0);
          expect(q.confidence).toBeLessThanOrEqual(1);
          if (q.speaker === null) expect(q.rule).toBe('none');
        }
        for (let i = 1; i < quotes.length; i++)
          expect(quotes[i].start).toBeGreaterThanOrEqual(quotes[i - 1].end);
        for (const p of people) expect(p.name.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(extract(text)).toEqual(extract(text));
      }),
      { numRuns: 200 },
    );
  });

  it('only names speakers whose words occur in the text', () => {
    fc.assert(
      fc.property(pieceText, (text) => {
        for (const q of extract(text).quotes) {
          if (q.speaker === null) continue;
          for (const word of q.speaker.split(/\s+/))
            expect(text.toLowerCase()).toContain(word.toLowerCase());
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('segmentDocument on random text', () => {
  it('never throws, covers text in order and slices exactly', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const segments = segmentDocument(raw);
        let last = 0;
        for (const s of segments) {
          expect(raw.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.text.trim().length).toBeGreaterThan(0);
          last = s.end;
        }
        expect(segmentDocument(raw)).toEqual(segments);
      }),
      { numRuns: 300 },
    );
  });
});

// Every rule reads the tokens around a quote; an article cut anywhere (mid-name, mid-cue, right
// after "said NASA") must still extract. Real text reaches shapes random pieces do not.
describe('extract on the seed articles cut anywhere', () => {
  const seeds = join(__dirname, '..', '..', '..', 'seeds');
  const texts = readdirSync(seeds).map((f) => readFileSync(join(seeds, f), 'utf8'));
  it('never throws on a prefix, a suffix or a middle of a seed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(), (text, a, b) => {
        const i = a % (text.length + 1);
        const j = i + (b % (text.length - i + 1));
        for (const cut of [text.slice(0, i), text.slice(i), text.slice(i, j)]) extract(cut);
      }),
      { numRuns: 300 },
    );
  });
});
