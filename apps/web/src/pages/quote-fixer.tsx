import { useRef, useState } from 'preact/hooks';
import { ApiError, call, errorText, get } from '../api';
import type { ClaimDetail, QuoteDetail, SpeakerHit } from '../types';
import { ErrorBox, Notice, SpeakerPicker } from '../ui';

type Patch = { speakerId?: string | null; attributionStatus?: 'confirmed' | 'misattributed' };

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
          </div>
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
