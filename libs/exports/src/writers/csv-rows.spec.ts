import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CsvRows } from './csv-rows';

async function through(chunks: string[]): Promise<{ out: string; rows: number }> {
  const rows = new CsvRows();
  const out = await text(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(rows));
  return { out, rows: rows.rows };
}

// As COPY (FORMAT csv) writes it: LF rows, line breaks and doubled quotes inside quoted fields.
const COPY = 'Quote,Speaker\n"two\nlines, ""quoted""",Ann\nplain,"a,b"\n"""\n""",\n,x\n';
const RFC = 'Quote,Speaker\r\n"two\nlines, ""quoted""",Ann\r\nplain,"a,b"\r\n"""\n""",\r\n,x\r\n';

describe('CsvRows', () => {
  it('ends rows with CRLF and leaves line breaks inside fields alone', async () => {
    await expect(through([COPY])).resolves.toEqual({ out: RFC, rows: 5 });
  });

  it('gives the same bytes however the stream is cut', async () => {
    for (let i = 0; i <= COPY.length; i++)
      for (const j of [i, i + 1, i + 7]) {
        const cut = [COPY.slice(0, i), COPY.slice(i, j), COPY.slice(j)];
        expect((await through(cut)).out).toBe(RFC);
      }
  });

  it('keeps multi-byte characters cut between chunks', async () => {
    const bytes = Buffer.from('王寶東,"x\ny"\n');
    const rows = new CsvRows();
    const out = await text(Readable.from([bytes.subarray(0, 4), bytes.subarray(4)]).pipe(rows));
    expect(out).toBe('王寶東,"x\ny"\r\n');
  });

  it('reports progress as rows pass', async () => {
    const seen: number[] = [];
    const rows = new CsvRows((n) => seen.push(n));
    await text(
      Readable.from([Buffer.from('h\na\n'), Buffer.from('b'), Buffer.from('\n')]).pipe(rows),
    );
    expect(seen).toEqual([2, 3]);
  });
});
