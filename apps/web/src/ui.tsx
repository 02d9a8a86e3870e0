import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { errorText, get } from './api';
import type { SpeakerHit } from './types';

// Loads data for a view; `reload` fetches again (after a write, or a 412).
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({
    loading: true,
  });
  const seq = useRef(0);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    fn().then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (e: unknown) => mine === seq.current && setState({ error: errorText(e), loading: false }),
    );
  }, deps);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

export function ErrorBox({ error }: { error?: string | null }) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {error}
    </p>
  );
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <p class="notice" role="status">
      {children}
    </p>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" /> {what}…
    </p>
  );
}

export function Verdict({ verdict }: { verdict: string }) {
  return <span class={`verdict v-${verdict}`}>{verdict}</span>;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

// A stable colour per speaker, from a palette of light tints that keep black text above 7:1.
// A page with its own order (an article) passes it, so its first 8 speakers never share one.
const PALETTE = 8;
export function speakerColour(id: string | null | undefined, order?: Map<string, number>): string {
  if (!id) return 'sp-none';
  const n = order?.get(id);
  if (n !== undefined) return `sp-${n % PALETTE}`;
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return `sp-${h % PALETTE}`;
}

// Type-ahead over GET /speakers?q= as an ARIA combobox: arrows move, Enter picks, Escape closes.
export function SpeakerPicker(props: {
  label: string;
  onPick: (s: SpeakerHit) => void;
  exclude?: string[];
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SpeakerHit[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits([]);
      return;
    }
    const t = setTimeout(() => {
      get<SpeakerHit[]>('/speakers', { q, limit: 8 }).then(
        (r) => {
          setHits(r.data.filter((h) => !props.exclude?.includes(h.id)));
          setActive(-1);
          setOpen(true);
          setError(null);
        },
        (e: unknown) => setError(errorText(e)),
      );
    }, 200);
    return () => clearTimeout(t);
  }, [text]);
  const pick = (h: SpeakerHit) => {
    setOpen(false);
    setText('');
    setHits([]);
    props.onPick(h);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && active >= 0 && hits[active]) {
      e.preventDefault();
      pick(hits[active]);
    } else if (e.key === 'Escape') setOpen(false);
  };
  const listId = `${id}-list`;
  const expanded = open && hits.length > 0;
  return (
    <div class="picker">
      <label for={`${id}-input`}>{props.label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        value={text}
        placeholder="Type a name…"
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" class="options" hidden={!expanded} aria-label={props.label}>
        {hits.map((h, i) => (
          <li
            id={`${id}-opt-${i}`}
            key={h.id}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : ''}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(h);
            }}
          >
            <strong>{h.name}</strong>
            {h.nativeName ? ` ${h.nativeName}` : ''}
            {h.role || h.organization ? (
              <span class="muted"> · {[h.role, h.organization].filter(Boolean).join(', ')}</span>
            ) : null}
          </li>
        ))}
      </ul>
      {open && text.trim().length >= 2 && hits.length === 0 ? (
        <p class="muted small">No speaker matches “{text.trim()}”.</p>
      ) : null}
      <ErrorBox error={error} />
    </div>
  );
}

// The first words of a text, cut at a word boundary, for links to untitled articles.
export function firstWords(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
