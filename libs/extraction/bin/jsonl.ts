import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

// Streams a JSONL file one parsed object at a time; blank lines are skipped.
export async function* readJsonl<T>(path: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as T;
    } catch (err) {
      throw new Error(`${path}:${n}: not JSON (${(err as Error).message})`, { cause: err });
    }
  }
}

export async function readAllJsonl<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  for await (const row of readJsonl<T>(path)) out.push(row);
  return out;
}
