import { Store } from './store';

export type Role = 'journalist' | 'reviewer' | 'admin';
export interface Session {
  key: string;
  name: string;
  role: Role;
}

const STORAGE_KEY = 'quote-ledger.session';
const ORDER: Role[] = ['journalist', 'reviewer', 'admin'];

// The key lives in sessionStorage only: it goes when the tab closes, and is never in a URL.
function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export const session = new Store<Session | null>(load());

export function signIn(s: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
  session.set(s);
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  session.set(null);
}

// admin > reviewer > journalist, as on the server.
export function can(s: Session | null, need: Role): boolean {
  return s !== null && ORDER.indexOf(s.role) >= ORDER.indexOf(need);
}
