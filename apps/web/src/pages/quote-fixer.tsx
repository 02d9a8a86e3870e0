import { useEffect, useRef, useState } from 'preact/hooks';
import { call, errorText, get, writeFailure } from '../api';
import type { ClaimDetail, QuoteDetail, QuoteHistoryEntry, SpeakerHit } from '../types';
import { ErrorBox, Notice, SpeakerPicker } from '../ui';

type Patch = Record<string, string | boolean | null>;

// The words selected inside `el`, or null when the selection is empty or reaches outside it.
function selectedWords(el: HTMLElement): string | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  const text = range.toString().trim();
  return text || null;
}

// A reviewer's tools on one quote. The version (ETag) read on opening goes back as If-Match;
// a 412 means someone else changed the quote meanwhile: show its new state, change nothing.
export function QuoteFixer({
  quoteId,
  onChanged,
  label = 'Fix this quote',
}: {
  quoteId: string;
  onChanged: () => void;
  label?: string;
}) {
  const [quote, setQuote] = useState<{ data: QuoteDetail; etag: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [claim, setClaim] = useState<ClaimDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLParagraphElement>(null);
  const [reason, setReason] = useState('');
  const [newSpeaker, setNewSpeaker] = useState({ name: '', aliases: '', kind: 'person' });

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
      setError(
        await writeFailure(
          e,
          'Someone else changed this quote since you opened it. Below is its current state; nothing of yours was saved. Check it and try again.',
          load,
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  // A speaker missing from the ledger, created and credited in one go.
  const createAndCredit = async (e: Event) => {
    e.preventDefault();
    const name = newSpeaker.name.trim();
    if (!name) return;
    setBusy(true);
    setError(null);
    try {
      const aliases = newSpeaker.aliases
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      const r = await call<{ id: string; name: string }>('POST', '/speakers', {
        body: { name, kind: newSpeaker.kind, ...(aliases.length ? { aliases } : {}) },
      });
      setNewSpeaker({ name: '', aliases: '', kind: 'person' });
      await patch({ speakerId: r.data.id }, `Speaker ${r.data.name} created and credited.`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const reject = async (e: Event) => {
    e.preventDefault();
    await patch(
      { rejected: true, reason: reason.trim() },
      'Rejected: not a quotation. It leaves search and exports.',
    );
    setReason('');
  };

  const makeClaim = async (whole: boolean) => {
    if (!quote || !textRef.current) return;
    // The exact words go to the API, which finds them in the quote: no offsets to get wrong.
    const words = whole ? null : selectedWords(textRef.current);
    if (!whole && !words) {
      setError('Select some words of the quote first (drag across them, or Shift+arrows).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await call<ClaimDetail>('POST', '/claims', {
        body: { quoteId, ...(words ? { text: words } : {}) },
      });
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
      <summary>{label}</summary>
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
          {q.rejectedAt ? (
            <p class="rejected-note">
              <strong>Rejected</strong> on {new Date(q.rejectedAt).toLocaleString()}: not in search,
              exports or claim matching.{' '}
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void patch({ rejected: false }, 'Restored: the quote is back in search.')
                }
              >
                Restore
              </button>
            </p>
          ) : null}
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
          </div>
          {!q.rejectedAt ? (
            <form class="inline-form" onSubmit={(e) => void reject(e)}>
              <label for={`reason-${quoteId}`}>Reason to reject (not a quotation)</label>
              <input
                id={`reason-${quoteId}`}
                type="text"
                required
                maxLength={500}
                placeholder="e.g. a sign, a scare quote"
                value={reason}
                onInput={(e) => setReason((e.target as HTMLInputElement).value)}
              />
              <button type="submit" class="secondary" disabled={busy}>
                Reject quote
              </button>
            </form>
          ) : null}
          <details class="new-speaker">
            <summary>New speaker…</summary>
            <form onSubmit={(e) => void createAndCredit(e)}>
              <label for={`ns-name-${quoteId}`}>Name</label>
              <input
                id={`ns-name-${quoteId}`}
                type="text"
                required
                value={newSpeaker.name}
                onInput={(e) =>
                  setNewSpeaker({ ...newSpeaker, name: (e.target as HTMLInputElement).value })
                }
              />
              <label for={`ns-aliases-${quoteId}`}>Aliases (comma-separated)</label>
              <input
                id={`ns-aliases-${quoteId}`}
                type="text"
                value={newSpeaker.aliases}
                onInput={(e) =>
                  setNewSpeaker({ ...newSpeaker, aliases: (e.target as HTMLInputElement).value })
                }
              />
              <label for={`ns-kind-${quoteId}`}>Kind</label>
              <select
                id={`ns-kind-${quoteId}`}
                value={newSpeaker.kind}
                onChange={(e) =>
                  setNewSpeaker({ ...newSpeaker, kind: (e.target as HTMLSelectElement).value })
                }
              >
                <option value="person">person</option>
                <option value="organization">organisation</option>
              </select>
              <button type="submit" disabled={busy}>
                Create and credit
              </button>
            </form>
          </details>
          <QuoteHistory quoteId={quoteId} version={q.version} />
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

const show = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

// GET /quotes/:id/history: who changed what, and when, before and after.
function QuoteHistory({ quoteId, version }: { quoteId: string; version: number }) {
  const [entries, setEntries] = useState<QuoteHistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<QuoteHistoryEntry[]>(`/quotes/${quoteId}/history`).then(
      (r) => {
        setEntries(r.data);
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [quoteId, version]);
  if (error) return <ErrorBox error={error} />;
  if (!entries?.length) return <p class="small muted">No corrections yet.</p>;
  return (
    <details class="history">
      <summary>Correction history ({entries.length})</summary>
      <ol class="small">
        {entries.map((e, i) => (
          <li key={i}>
            {new Date(e.at).toLocaleString()} · {e.actor}
            {e.actorRole ? ` (${e.actorRole})` : ''} · <code>{e.action}</code>: {show(e.before)} →{' '}
            {show(e.after)}
          </li>
        ))}
      </ol>
    </details>
  );
}
