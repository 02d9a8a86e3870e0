import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');

export function seedFiles(): { name: string; body: string }[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, body: readFileSync(join(SEEDS_DIR, name), 'utf8') }));
}
