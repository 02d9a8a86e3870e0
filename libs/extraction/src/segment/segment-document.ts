import type { Segment } from '../types';
import { matchKicker } from './kicker';

interface Line {
  start: number;
  end: number; // trailing whitespace trimmed
}

const SENTENCE_END = /[.!?…][’”"')\]]*$/;

function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i < raw.length && raw[i] !== '\n') continue;
    let end = i;
    while (end > start && /\s/.test(raw[end - 1])) end--;
    lines.push({ start, end });
    start = i + 1;
  }
  return lines;
}

// Teasers are the trailing run of kicker lines; a kicker-like line followed by
// ordinary prose ("UPDATE: …") stays part of the article.
function firstTeaserLine(raw: string, lines: Line[]): number {
  let first = lines.length;
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k];
    if (line.end === line.start) continue;
    if (!matchKicker(raw, line.start)) break;
    first = k;
  }
  return first;
}

function articleSegment(raw: string, lines: Line[]): Segment | null {
  const nonEmpty = lines.filter((l) => l.end > l.start);
  if (nonEmpty.length === 0) return null;
  const start = nonEmpty[0].start;
  const end = nonEmpty[nonEmpty.length - 1].end;
  return {
    kind: 'article',
    kicker: null,
    truncated: false,
    start,
    end,
    text: raw.slice(start, end),
  };
}

function teaserSegment(raw: string, line: Line): Segment {
  const text = raw.slice(line.start, line.end);
  const label = matchKicker(raw, line.start)?.label ?? null;
  return {
    kind: 'teaser',
    kicker: label,
    truncated: !SENTENCE_END.test(text),
    start: line.start,
    end: line.end,
    text,
  };
}

export function segmentDocument(raw: string): Segment[] {
  const lines = splitLines(raw);
  const first = firstTeaserLine(raw, lines);
  const segments: Segment[] = [];
  const article = articleSegment(raw, lines.slice(0, first));
  if (article) segments.push(article);
  for (const line of lines.slice(first))
    if (line.end > line.start) segments.push(teaserSegment(raw, line));
  return segments;
}
