import { session, signOut } from './session';
import { Store } from './store';

export const API = '/api/v1';

// Requests in flight; the header shows progress when any of them is slow.
export const inFlight = new Store(0);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export interface ApiResult<T> {
  data: T;
  etag: string | null;
  // Where the answer came from: after a redirect (a merged speaker's 308) it names the survivor.
  url: string;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function qs(query: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

// Every call: the session's key, JSON in and out, and the API's own error message on failure.
export async function call<T>(
  method: string,
  path: string,
  opts: { query?: Query; body?: unknown; ifMatch?: string | null; key?: string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = opts.key ?? session.get()?.key;
  if (key) headers.Authorization = `Bearer ${key}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;
  inFlight.set(inFlight.get() + 1);
  try {
    let res: Response;
    try {
      res = await fetch(`${API}${path}${qs(opts.query ?? {})}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      });
    } catch {
      throw new ApiError(
        0,
        'The server could not be reached. Check the connection and retry.',
        null,
      );
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    if (!res.ok) {
      let message =
        body && typeof body === 'object' && 'message' in body
          ? String((body as { message: unknown }).message)
          : `${res.status} ${res.statusText}`;
      // A revoked key fails even reads: drop it, so the console goes on as a guest.
      if (res.status === 401 && !opts.key && session.get()) {
        signOut();
        message += '. You have been signed out; sign in again with a valid key.';
      }
      throw new ApiError(res.status, message, body);
    }
    return { data: body as T, etag: res.headers.get('ETag'), url: res.url };
  } finally {
    inFlight.set(inFlight.get() - 1);
  }
}

export const get = <T>(path: string, query?: Query) => call<T>('GET', path, { query });

// What to tell after a write failed. A 412 means someone changed the record since the page read
// it (If-Match): the page reloads it and shows `conflict`; any other failure is told as it is.
export async function writeFailure(
  err: unknown,
  conflict: string,
  reload: () => unknown,
): Promise<string> {
  if (err instanceof ApiError && err.status === 412) {
    await reload();
    return conflict;
  }
  return errorText(err);
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.status ? `${e.message} (HTTP ${e.status})` : e.message;
  return e instanceof Error ? e.message : String(e);
}
