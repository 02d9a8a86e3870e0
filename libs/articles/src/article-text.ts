// What counts as article text: non-blank, no NUL bytes, not mostly control characters.
// Shared by the JSON DTO and the text/plain path so both reject the same inputs.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function articleTextProblem(text: unknown): string | null {
  if (typeof text !== 'string') return 'body must be a string';
  if (!/\S/.test(text)) return 'body must not be empty or whitespace only';
  if (text.includes('\u0000')) return 'body must not contain NUL bytes (binary data?)';
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01)
    return 'body looks like binary data (control characters)';
  return null;
}

// A leading byte-order mark is not part of the text: it is dropped before hashing and segmenting,
// so offsets index the stored text. (body-parser's decoder already drops it from text/plain.)
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
