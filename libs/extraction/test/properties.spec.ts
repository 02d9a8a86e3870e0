import fc from 'fast-check';
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
