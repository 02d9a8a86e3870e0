import { useState } from 'preact/hooks';
import { call, errorText } from '../api';
import { navigate } from '../router';
import { Role, session, signIn, signOut } from '../session';
import { useStore } from '../store';
import { ErrorBox } from '../ui';

const MAY: Record<Role, string> = {
  journalist: 'search, look up, read articles, claims and speakers, and export',
  reviewer: 'all a journalist may, and correct quotes, make and review claims, merge speakers',
  admin: 'all a reviewer may, and manage API keys and read the audit trail (through the API)',
};

// A pasted key is checked against GET /keys/me, which names its holder and role.
export function SignInPage() {
  const who = useStore(session);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await call<{ name: string; role: Role }>('GET', '/keys/me', { key: key.trim() });
      signIn({ key: key.trim(), name: me.data.name, role: me.data.role });
      const back = new URLSearchParams(window.location.search).get('next');
      navigate(back && back.startsWith('/') ? back : '/');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="narrow">
      <h1>Sign in</h1>
      {who ? (
        <>
          <p>
            Signed in as <strong>{who.name}</strong>, role <strong>{who.role}</strong>: you may{' '}
            {MAY[who.role]}.
          </p>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </>
      ) : (
        <>
          <p>
            Reading needs no key. To correct quotes and review claims, paste your API key. It is
            kept for this browser tab only and sent only to this server.
          </p>
          <form onSubmit={submit}>
            <label for="api-key">API key</label>
            <input
              id="api-key"
              name="api-key"
              type="password"
              autocomplete="off"
              required
              minLength={8}
              value={key}
              onInput={(e) => setKey((e.target as HTMLInputElement).value)}
            />
            <button type="submit" disabled={busy}>
              {busy ? 'Checking…' : 'Sign in'}
            </button>
          </form>
          <ErrorBox error={error} />
        </>
      )}
    </section>
  );
}
