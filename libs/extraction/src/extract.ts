import type { ExtractionResult, ExtractOptions } from './types';

// Placeholder until the scanner and the attribution sieve land.
export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  void text;
  void options;
  return { quotes: [], people: [] };
}
