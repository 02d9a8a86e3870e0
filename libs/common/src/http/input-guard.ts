import type { NextFunction, Request, Response } from 'express';
import { InputError, InputErrorCode } from '../errors/input-error';

// Deepest JSON nesting accepted. Our bodies nest three levels at most; 64 leaves room and keeps
// recursive code further down (class-transformer, class-validator) far from the stack limit.
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

// Depth of the raw JSON text, read in one pass without recursion and before JSON.parse sees it:
// brackets inside strings do not count. Throws a body-parser-style error (400) past `max`.
export function checkJsonDepth(buf: Buffer, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) {
        throw Object.assign(new Error(`JSON body nests deeper than ${max} levels`), {
          type: 'entity.too.deep',
          status: 400,
          limit: max,
        });
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
}

// Most items in one JSON array or object. Our bodies hold 50 at most; validating 200,000 array
// items one by one took seconds of CPU before the size rule said no.
export const MAX_JSON_ITEMS = 1000;

export interface BadString {
  field: string;
  code: InputErrorCode.NulCharacter | InputErrorCode.LoneSurrogate | InputErrorCode.TooManyItems;
  inKey: boolean;
}

// String.prototype.isWellFormed (Node 20+; typed from ES2024, our lib is ES2023).
const wellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed();

const problemOf = (s: string): BadString['code'] | null =>
  s.includes('\u0000')
    ? InputErrorCode.NulCharacter
    : !wellFormed(s)
      ? InputErrorCode.LoneSurrogate
      : null;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const child = (path: string, key: string | number): string =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : IDENTIFIER.test(key)
      ? path
        ? `${path}.${key}`
        : key
      : `${path}[${JSON.stringify(key)}]`;

// The first string (value or object key) with a NUL character or a lone UTF-16 surrogate, or
// the first array or object with more than MAX_JSON_ITEMS entries, walked with an explicit stack: no recursion, whatever the depth. Postgres refuses NUL in text
// (a 500 otherwise) and would store a lone surrogate as U+FFFD.
export function findBadString(value: unknown, root = ''): BadString | null {
  const stack: { path: string; value: unknown }[] = [{ path: root, value }];
  while (stack.length > 0) {
    const { path, value: v } = stack.pop()!;
    if (typeof v === 'string') {
      const code = problemOf(v);
      if (code) return { field: path || 'body', code, inKey: false };
    } else if (Array.isArray(v)) {
      if (v.length > MAX_JSON_ITEMS)
        return { field: path || 'body', code: InputErrorCode.TooManyItems, inKey: false };
      for (let i = v.length - 1; i >= 0; i--) stack.push({ path: child(path, i), value: v[i] });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length > MAX_JSON_ITEMS)
        return { field: path || 'body', code: InputErrorCode.TooManyItems, inKey: false };
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const code = problemOf(key);
        if (code) return { field: child(path, key), code, inKey: true };
        stack.push({ path: child(path, key), value: (v as Record<string, unknown>)[key] });
      }
    }
  }
  return null;
}

export function badStringError(bad: BadString, where: 'query' | 'body'): InputError {
  if (bad.code === InputErrorCode.TooManyItems) {
    return new InputError(bad.code, `${bad.field} has more than ${MAX_JSON_ITEMS} items`, {
      field: bad.field,
      in: where,
      limit: MAX_JSON_ITEMS,
    });
  }
  const what =
    bad.code === InputErrorCode.NulCharacter
      ? 'a NUL character (\\u0000)'
      : 'a lone UTF-16 surrogate (not valid Unicode)';
  const subject = bad.inKey ? `the name of ${bad.field}` : bad.field;
  return new InputError(bad.code, `${subject} must not contain ${what}`, {
    field: bad.field,
    in: where,
  });
}

// One check for every route, after the body parsers and before routing: query parameters
// (names and values) and every string of a JSON or text body.
export function rejectBadStrings(req: Request, _res: Response, next: NextFunction): void {
  const query = findBadString(req.query);
  if (query) return next(badStringError(query, 'query'));
  const body: unknown = req.body;
  if (body !== undefined && body !== null) {
    const bad = findBadString(body);
    if (bad) return next(badStringError(bad, 'body'));
  }
  next();
}
