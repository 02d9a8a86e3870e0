import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  extract,
  segmentDocument,
  type ExtractedQuote,
  type ExtractionResult,
  type Segment,
} from '../src';

// The seed fixture must come out exactly: every quote, speaker, flag, kicker.

interface FixtureQuote {
  text: string;
  speaker: string | null;
  partial?: boolean;
  unterminated?: boolean;
  speakerDescription?: string;
}

interface FixtureItem {
  kind: 'article' | 'teaser';
  kicker?: string;
  truncated?: boolean;
  startsWith?: string;
  quotes?: FixtureQuote[];
  sameAsIn?: string;
}

interface FixtureSpeaker {
  name: string;
  role?: string | string[];
  organization?: string;
  nativeName?: string;
  alsoCalled?: string[];
}

interface Fixture {
  files: { file: string; items: FixtureItem[] }[];
  speakers: FixtureSpeaker[];
  notSpeakers: string[];
}

const root = join(__dirname, '..', '..', '..');
const fixture: Fixture = JSON.parse(
  readFileSync(join(root, 'test', 'fixtures', 'seed-quotes.json'), 'utf8'),
);

interface Extracted {
  file: string;
  item: FixtureItem;
  segment: Segment;
  result: ExtractionResult;
}

function expectedQuotes(file: string, item: FixtureItem): FixtureQuote[] {
  if (item.quotes) return item.quotes;
  const source = fixture.files.find((f) => f.file === item.sameAsIn);
  const twin = source?.items.find((i) => i.kicker === item.kicker);
  if (!twin?.quotes) throw new Error(`${file}: no quotes for ${item.kicker}`);
  return twin.quotes;
}

const extracted: Extracted[] = fixture.files.flatMap(({ file, items }) => {
  const raw = readFileSync(join(root, 'seeds', file), 'utf8');
  const segments = segmentDocument(raw);
  return items.map((item, i) => ({
    file,
    item,
    segment: segments[i],
    result: extract(segments[i]?.text ?? ''),
  }));
});

function shape(q: ExtractedQuote): FixtureQuote {
  const out: FixtureQuote = { text: q.text, speaker: q.speaker };
  if (q.partial) out.partial = true;
  if (q.unterminated) out.unterminated = true;
  return out;
}

function fold(s: string | null | undefined): string | null {
  return s == null ? null : s.toLowerCase();
}

describe('seed fixture', () => {
  it.each(fixture.files.map((f) => [f.file, f.items.length]))(
    '%s has the listed number of segments',
    (file, count) => {
      const raw = readFileSync(join(root, 'seeds', file as string), 'utf8');
      expect(segmentDocument(raw)).toHaveLength(count as number);
    },
  );

  describe.each(extracted.map((e, n) => [`${e.file} #${n} ${e.item.kicker ?? e.item.kind}`, e]))(
    '%s',
    (_label, e) => {
      const { file, item, segment, result } = e as Extracted;

      it('has the listed kind, kicker and truncation', () => {
        expect(segment.kind).toBe(item.kind);
        expect(segment.kicker).toBe(item.kicker ?? null);
        if (item.truncated !== undefined) expect(segment.truncated).toBe(item.truncated);
        if (item.startsWith) expect(segment.text.startsWith(item.startsWith)).toBe(true);
      });

      it('finds exactly the listed quotes, speakers and flags', () => {
        const expected = expectedQuotes(file, item).map(({ speakerDescription: _d, ...q }) => q);
        expect(result.quotes.map(shape)).toEqual(expected);
      });

      it('keeps unnamed sources as described', () => {
        expectedQuotes(file, item).forEach((q, i) => {
          if (q.speakerDescription)
            expect(result.quotes[i]?.speakerDescription).toBe(q.speakerDescription);
        });
      });

      it('gives offsets into the segment and never takes the kicker for a quote', () => {
        for (const q of result.quotes) {
          expect(segment.text.slice(q.start, q.end)).toBe(q.text);
          if (segment.kicker) expect(q.start).toBeGreaterThan(segment.kicker.length);
        }
      });

      it('quotes nobody listed under notSpeakers', () => {
        for (const q of result.quotes) expect(fixture.notSpeakers).not.toContain(q.speaker);
      });

      it('gives each speaker the listed role, organisation and native name', () => {
        for (const q of result.quotes) {
          const s = fixture.speakers.find((x) => x.name === q.speaker);
          if (!s) continue;
          if (s.role) expect([s.role].flat()).toContain(q.role);
          if (s.organization) expect(fold(q.organization)).toBe(fold(s.organization));
          if (s.nativeName) expect(q.nativeName).toBe(s.nativeName);
          const person = result.people.find((p) => p.name === q.speaker);
          expect(person?.quoted).toBe(true);
          if (s.role) expect([s.role].flat()).toContain(person?.role);
          if (s.organization) expect(fold(person?.organization)).toBe(fold(s.organization));
        }
      });
    },
  );

  it.each(fixture.speakers.filter((s) => s.alsoCalled).map((s) => [s.name, s.alsoCalled]))(
    'knows %s also as %j',
    (name, also) => {
      const aliases = new Set(
        extracted.flatMap((e) =>
          e.result.people.filter((p) => p.name === name).flatMap((p) => p.aliases),
        ),
      );
      for (const a of also as string[]) expect(aliases).toContain(a);
    },
  );

  it('lists the people mentioned but never quoted', () => {
    const people = new Map<string, boolean>();
    for (const e of extracted)
      for (const p of e.result.people)
        people.set(p.name, (people.get(p.name) ?? false) || p.quoted);
    for (const name of fixture.notSpeakers) expect(people.get(name)).toBe(false);
  });
});

// `npm run extract` on a raw seed file reads it unsegmented, kicker lines and all:
// a teaser's pronoun must still not land on a platform or on the article's last speaker.
describe('raw seed files, unsegmented', () => {
  it.each(fixture.files.map((f) => f.file))(
    '%s names no non-person and keeps the teaser speaker',
    (file) => {
      const raw = readFileSync(join(root, 'seeds', file), 'utf8');
      const quotes = extract(raw).quotes;
      const speakers = new Set(quotes.map((q) => q.speaker).filter((s) => s !== null));
      for (const name of fixture.notSpeakers) expect(speakers.has(name)).toBe(false);
      expect(speakers.has('Truth Social')).toBe(false);
      const call = quotes.find((q) => q.text.startsWith('the call was a very good one'));
      if (call) expect(call.speaker).toBe('Donald Trump');
    },
  );
});
