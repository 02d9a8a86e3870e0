import { segmentDocument } from './segment-document';
import { matchKicker } from './kicker';

describe('matchKicker', () => {
  it.each([
    ['DIALOGUE: US president', 'DIALOGUE'],
    ['‘GREAT OPPRTUNITY’: The', '‘GREAT OPPRTUNITY’'],
    ["'FIGHT TO THE END': x", "'FIGHT TO THE END'"],
    ['“DISCRIMINATION”: x', '“DISCRIMINATION”'],
    ['US-CHINA TIES: x', 'US-CHINA TIES'],
  ])('%s -> %s', (text, label) => {
    expect(matchKicker(text, 0)?.label).toBe(label);
  });

  it.each([
    ['Dialogue: lower case'],
    ['DIALOGUE:no space'],
    ['A: one letter'],
    ['‘GREAT OPPRTUNITY: unclosed'],
    ['The DIALOGUE: mid sentence'],
    ['“We hope they do more than talk,” Hom said.'],
  ])('%s is no kicker', (text) => {
    expect(matchKicker(text, 0)).toBeNull();
  });
});

describe('segmentDocument', () => {
  it('keeps text without kicker lines as one article', () => {
    const raw = 'First line.\nSecond line.  \n\n';
    expect(segmentDocument(raw)).toEqual([
      {
        kind: 'article',
        kicker: null,
        truncated: false,
        start: 0,
        end: 24,
        text: 'First line.\nSecond line.',
      },
    ]);
  });

  it('splits trailing kicker lines into teasers', () => {
    const raw = 'Body.\nMore body.\nDIALOGUE: cut off here\n‘BIG NEWS’: A whole sentence.';
    const segments = segmentDocument(raw);
    expect(segments.map((s) => [s.kind, s.kicker, s.truncated, s.text])).toEqual([
      ['article', null, false, 'Body.\nMore body.'],
      ['teaser', 'DIALOGUE', true, 'DIALOGUE: cut off here'],
      ['teaser', '‘BIG NEWS’', false, '‘BIG NEWS’: A whole sentence.'],
    ]);
    for (const s of segments) expect(raw.slice(s.start, s.end)).toBe(s.text);
  });

  it('leaves a kicker-like line inside the article alone', () => {
    const raw = 'UPDATE: the vote moved.\nMore body.\nNEWS: teaser cut';
    expect(segmentDocument(raw).map((s) => s.kind)).toEqual(['article', 'teaser']);
  });

  it('treats a closing quote after a full stop as a finished teaser', () => {
    const [teaser] = segmentDocument('NEWS: He said “it is done.”');
    expect(teaser.truncated).toBe(false);
  });

  it('returns nothing for blank input', () => {
    expect(segmentDocument('  \n \n')).toEqual([]);
  });
});
