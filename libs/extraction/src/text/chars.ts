// Character classes by code unit: ASCII from a table, the rest by Unicode
// class remembered per code, so no regular expression runs per character.

const ASCII_WORD = new Uint8Array(128).map((_, c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0,
);
const wide = new Map<number, boolean>();

export function isWordCode(code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  if (code < 0xc0) return false;
  if (code >= 0x2000 && code <= 0x206f) return false; // punctuation: quotes, dashes, spaces
  let w = wide.get(code);
  if (w === undefined) {
    const c = String.fromCharCode(code);
    w = c.toLowerCase() !== c.toUpperCase() || /[\p{L}\p{N}\p{M}]/u.test(c);
    wide.set(code, w);
  }
  return w;
}

export function isSpaceCode(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0;
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
