import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, call, errorText, get } from '../api';
import { Capabilities, capabilities } from '../capabilities';
import type { ClaimDetail, QuoteDetail, SpeakerHit } from '../types';
import { ErrorBox, Notice, SpeakerPicker } from '../ui';

type Patch = Record<string, string | boolean | null>;

// Offsets of the selection inside `el`'s text, or null when nothing in it is selected.
function selectionIn(el: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

// A reviewer's tools on one quote. The version (ETag) read on opening goes back as If-Match;
// a 412 means someone else changed the quote meanwhile: show its new state, change nothing.
export function QuoteFixer({ quoteId, onChanged }: { quoteId: string; onChanged: () => void }) {
  const [quote, setQuote] = useState<{ data: QuoteDetail; etag: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [claim, setClaim] = useState<ClaimDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLParagraphElement>(null);
  const [caps, setCaps] = useState<Capabilities | null>(null);
  useEffect(() => {
    void capabilities().then(setCaps);
  }, []);

  const load = async () => {
    try {
      setQuote(await get<QuoteDetail>(`/quotes/${quoteId}`));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const onToggle = (e: Event) => {
    if ((e.target as HTMLDetailsElement).open && !quote) void load();
  };

  const patch = async (body: Patch, done: string) => {
    if (!quote) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await call<QuoteDetail>('PATCH', `/quotes/${quoteId}`, {
        body,
        ifMatch: quote.etag ?? `"${quote.data.version}"`,
      });
      setQuote({ data: r.data, etag: r.etag });
      setNotice(done);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        await load();
        setError(
          'Someone else changed this quote since you opened it. Below is its current state; nothing of yours was saved. Check it and try again.',
        );
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // A speaker missing from the ledger, created and credited in one go (when the server can).
  const createAndCredit = async () => {
    const name = window.prompt('Name of the new speaker');
    if (!name?.trim()) return;
    try {
      const r = await call<{ id: string; name: string }>('POST', '/speakers', {
        body: { name: name.trim() },
      });
      await patch({ speakerId: r.data.id }, `Speaker ${r.data.name} created and credited.`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const makeClaim = async (whole: boolean) => {
    if (!quote || !textRef.current) return;
    const span = whole ? null : selectionIn(textRef.current);
    if (!whole && !span) {
      setError('Select some words of the quote first (drag across them, or Shift+arrows).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await call<ClaimDetail>('POST', '/claims', { body: { quoteId, ...(span ?? {}) } });
      setClaim(r.data);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const q = quote?.data;
  return (
    <details class="fixer" onToggle={onToggle}>
      <summary>Fix this quote</summary>
      {!q && !error ? <p class="muted">Loading…</p> : null}
      <ErrorBox error={error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {q ? (
        <div class="fixer-body">
          <p class="small">
            Now: <strong>{q.speaker?.name ?? 'unattributed'}</strong>, attribution{' '}
            <strong>{q.attributionStatus}</strong>
            {q.correctedBy ? ` · last corrected by ${q.correctedBy}` : ''}
          </p>
          <SpeakerPicker
            label="Change the speaker to"
            exclude={q.speaker ? [q.speaker.id] : []}
            onPick={(s: SpeakerHit) =>
              void patch({ speakerId: s.id }, `Speaker changed to ${s.name}.`)
            }
          />
          <div class="button-row">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void patch({ attributionStatus: 'confirmed' }, 'Attribution confirmed.')
              }
            >
              Confirm attribution
            </button>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() =>
                void patch({ attributionStatus: 'misattributed' }, 'Marked misattributed.')
              }
            >
              Mark misattributed
            </button>
            {q.speaker ? (
              <button
                type="button"
                class="secondary"
                disabled={busy}
                onClick={() => void patch({ speakerId: null }, 'Quote is now unattributed.')}
              >
                Make unattributed
              </button>
            ) : null}
            {caps?.createSpeaker ? (
              <button
                type="button"
                class="secondary"
                disabled={busy}
                onClick={() => void createAndCredit()}
              >
                New speaker…
              </button>
            ) : null}
            {caps?.rejectQuote ? (
              <button
                type="button"
                class="secondary"
                disabled={busy}
                onClick={() =>
                  void patch(
                    { rejected: true },
                    'Rejected: not a quotation. It leaves search and exports.',
                  )
                }
              >
                Reject: not a quotation
              </button>
            ) : null}
          </div>
          {caps?.quoteHistory ? <QuoteHistory quoteId={quoteId} version={q.version} /> : null}
          <p class="small muted" id={`claim-help-${quoteId}`}>
            To make a claim of part of the quote, select those words here, then choose “Claim the
            selected words”.
          </p>
          <p class="claim-source" ref={textRef} aria-describedby={`claim-help-${quoteId}`}>
            {q.text}
          </p>
          <div class="button-row">
            <button type="button" disabled={busy} onClick={() => void makeClaim(false)}>
              Claim the selected words
            </button>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() => void makeClaim(true)}
            >
              Claim the whole quote
            </button>
          </div>
          {claim ? (
            <Notice>
              Claim made: “{claim.text}”. <a href={`/claims/${claim.id}`}>Review it</a>.
            </Notice>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}

interface HistoryEntry {
  at?: string;
  createdAt?: string;
  actor?: string | { name?: string };
  by?: string;
  action?: string;
  before?: unknown;
  after?: unknown;
}

const who = (e: HistoryEntry) =>
  typeof e.actor === 'object' ? (e.actor?.name ?? '') : (e.actor ?? e.by ?? '');

// GET /quotes/:id/history (issue #13): who changed what, and when.
function QuoteHistory({ quoteId, version }: { quoteId: string; version: number }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  useEffect(() => {
    get<HistoryEntry[] | { items: HistoryEntry[] }>(`/quotes/${quoteId}/history`).then(
      (r) => setEntries(Array.isArray(r.data) ? r.data : (r.data.items ?? [])),
      () => setEntries(null),
    );
  }, [quoteId, version]);
  if (!entries?.length) return null;
  return (
    <details>
      <summary>Correction history ({entries.length})</summary>
      <ol class="small">
        {entries.map((e, i) => (
          <li key={i}>
            {new Date(e.at ?? e.createdAt ?? '').toLocaleString()} · {who(e)} · {e.action ?? ''}{' '}
            {e.before !== undefined || e.after !== undefined
              ? `${JSON.stringify(e.before)} → ${JSON.stringify(e.after)}`
              : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}
