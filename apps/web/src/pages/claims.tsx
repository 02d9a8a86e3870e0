import { useState } from 'preact/hooks';
import { call, get, qs, writeFailure } from '../api';
import { location } from '../router';
import { can, session } from '../session';
import { useStore } from '../store';
import { ClaimDetail, ClaimSummary, Evidence, Page, VERDICTS } from '../types';
import { ErrorBox, formatDate, Loading, Notice, useAsync, Verdict } from '../ui';

const TABS = [
  { id: 'unreviewed', label: 'Unreviewed' },
  { id: 'flagged', label: 'Repeated by another speaker' },
  { id: 'reviewed', label: 'Recently reviewed' },
  { id: 'withdrawn', label: 'Withdrawn' },
] as const;
type Tab = (typeof TABS)[number]['id'];

// "Recently reviewed" has no filter of its own in the API: the newest of each verdict, merged
// and sorted by when they were reviewed.
async function queue(tab: Tab, cursor: string): Promise<Page<ClaimSummary>> {
  if (tab === 'unreviewed' || tab === 'withdrawn')
    return (await get<Page<ClaimSummary>>('/claims', { status: tab, cursor, limit: 25 })).data;
  if (tab === 'flagged')
    return (await get<Page<ClaimSummary>>('/claims', { flagged: true, cursor, limit: 25 })).data;
  const pages = await Promise.all(
    VERDICTS.map((status) => get<Page<ClaimSummary>>('/claims', { status, limit: 25 })),
  );
  const items = pages
    .flatMap((p) => p.data.items)
    .filter((c) => c.reviewedAt)
    .sort((a, b) => (b.reviewedAt ?? '').localeCompare(a.reviewedAt ?? ''))
    .slice(0, 25);
  return { items, nextCursor: null };
}

export function ClaimsPage() {
  const loc = useStore(location);
  const tab = (TABS.find((t) => t.id === loc.query.get('tab'))?.id ?? 'unreviewed') as Tab;
  const cursor = loc.query.get('cursor') ?? '';
  const result = useAsync(() => queue(tab, cursor), [tab, cursor]);
  return (
    <section>
      <h1>Claims</h1>
      <nav class="tabs" aria-label="Claim queues">
        <ul>
          {TABS.map((t) => (
            <li key={t.id}>
              <a
                href={`/claims${qs({ tab: t.id })}`}
                aria-current={t.id === tab ? 'page' : undefined}
              >
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorBox error={result.error} />
      {result.loading && !result.data ? <Loading /> : null}
      {result.data ? (
        result.data.items.length ? (
          <>
            <ol class="claims">
              {result.data.items.map((c) => (
                <li key={c.id} class="claim-row">
                  <Verdict verdict={c.status} /> <a href={`/claims/${c.id}`}>“{c.text}”</a>
                  <span class="muted small">
                    {' '}
                    — {c.speaker?.name ?? 'no speaker'} · made {formatDate(c.createdAt)}
                    {c.reviewedAt ? ` · reviewed ${formatDate(c.reviewedAt)}` : ''}
                    {c.withdrawn ? ` · withdrawn ${formatDate(c.withdrawn.at)}` : ''}
                  </span>
                </li>
              ))}
            </ol>
            <nav class="pager" aria-label="Pages">
              {cursor ? <a href={`/claims${qs({ tab })}`}>First page</a> : null}
              {result.data.nextCursor ? (
                <a href={`/claims${qs({ tab, cursor: result.data.nextCursor })}`}>Next page</a>
              ) : null}
            </nav>
          </>
        ) : (
          <p role="status">Nothing in this queue.</p>
        )
      ) : null}
    </section>
  );
}

export function ClaimPage({ id }: { id: string }) {
  const who = useStore(session);
  const result = useAsync(() => get<ClaimDetail>(`/claims/${id}`), [id]);
  const c = result.data?.data;
  return (
    <section>
      <p>
        <a href="/claims">← Claims</a>
      </p>
      <ErrorBox error={result.error} />
      {result.loading && !c ? <Loading what="Loading the claim" /> : null}
      {c ? (
        <>
          <h1 class="claim-title">“{c.text}”</h1>
          <p>
            <Verdict verdict={c.status} />{' '}
            {c.speaker ? <a href={`/speakers/${c.speaker.id}`}>{c.speaker.name}</a> : 'no speaker'}
            {c.speaker?.role ? `, ${c.speaker.role}` : ''}
            <span class="muted small">
              {' '}
              · made {formatDate(c.createdAt)}
              {c.createdBy ? ` by ${c.createdBy}` : ''} · version {c.version}
            </span>
          </p>
          {c.withdrawn ? (
            <p class="withdrawn-note" role="note">
              <strong>Withdrawn</strong> {new Date(c.withdrawn.at).toLocaleString()}
              {c.withdrawn.by ? ` by ${c.withdrawn.by}` : ''}
              {c.withdrawn.reason ? `: ${c.withdrawn.reason}` : ''}. It is kept in the history and
              left out of exports.
            </p>
          ) : null}
          <div class="two-col">
            <div>
              <h2>Where it was said</h2>
              <ul class="occurrences">
                {c.occurrences.map((o) => (
                  <li key={o.quote.id}>
                    <span class={`badge rel-${o.relation}`}>{o.relation}</span>
                    {o.needsReview ? <span class="flag"> needs review</span> : null}{' '}
                    {o.quote.speaker?.name ?? 'unattributed'}:{' '}
                    <a href={`/articles/${o.quote.article.id}`}>“{o.quote.text}”</a>
                    <span class="muted small"> · {Math.round(o.similarity * 100)}% alike</span>
                  </li>
                ))}
              </ul>
              <h2>History</h2>
              {c.withdrawn ? (
                <p class="small">
                  <Verdict verdict="withdrawn" /> {new Date(c.withdrawn.at).toLocaleString()}
                  {c.withdrawn.by ? ` by ${c.withdrawn.by}` : ''}
                  {c.withdrawn.reason ? ` — ${c.withdrawn.reason}` : ''}
                </p>
              ) : null}
              {c.history.length ? (
                <ol class="history">
                  {c.history.map((r) => (
                    <li key={r.id}>
                      <p>
                        <Verdict verdict={r.verdict} /> by {r.reviewer},{' '}
                        {new Date(r.at).toLocaleString()}
                      </p>
                      <p>{r.rationale}</p>
                      {r.evidence.length ? (
                        <ul class="evidence">
                          {r.evidence.map((e, i) => (
                            <li key={i}>
                              <a href={e.url} rel="noreferrer noopener">
                                {e.title || e.url}
                              </a>
                              {e.note ? ` — ${e.note}` : ''}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ol>
              ) : c.withdrawn ? null : (
                <p>Not reviewed yet.</p>
              )}
            </div>
            <div>
              {can(who, 'reviewer') && !c.withdrawn ? (
                <>
                  <ReviewForm claim={c} etag={result.data?.etag ?? null} onSaved={result.reload} />
                  <WithdrawForm
                    claim={c}
                    etag={result.data?.etag ?? null}
                    onSaved={result.reload}
                  />
                </>
              ) : c.withdrawn ? null : (
                <p class="muted">
                  <a href={`/sign-in?next=${encodeURIComponent(`/claims/${id}`)}`}>Sign in</a> with
                  a reviewer key to review this claim.
                </p>
              )}
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}

function ReviewForm(props: { claim: ClaimDetail; etag: string | null; onSaved: () => void }) {
  const [verdict, setVerdict] = useState('');
  const [rationale, setRationale] = useState('');
  const [evidence, setEvidence] = useState<Evidence[]>([{ url: '', title: '', note: '' }]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setEv = (i: number, patch: Partial<Evidence>) =>
    setEvidence(evidence.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await call('POST', `/claims/${props.claim.id}/reviews`, {
        ifMatch: props.etag ?? `"${props.claim.version}"`,
        body: {
          verdict,
          rationale,
          evidence: evidence
            .filter((x) => x.url.trim())
            .map((x) => ({
              url: x.url.trim(),
              ...(x.title?.trim() ? { title: x.title.trim() } : {}),
              ...(x.note?.trim() ? { note: x.note.trim() } : {}),
            })),
        },
      });
      setNotice(`Saved: ${verdict}.`);
      setVerdict('');
      setRationale('');
      setEvidence([{ url: '', title: '', note: '' }]);
      props.onSaved();
    } catch (err) {
      setError(
        await writeFailure(
          err,
          'Someone else reviewed or changed this claim since you opened it. The page now shows its current state; your review was not saved. Read it, then submit again if you still disagree.',
          props.onSaved,
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="review" onSubmit={submit} aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      <fieldset>
        <legend>Verdict</legend>
        <div class="radios">
          {VERDICTS.map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="verdict"
                value={v}
                required
                checked={verdict === v}
                onChange={() => setVerdict(v)}
              />{' '}
              {v}
            </label>
          ))}
        </div>
      </fieldset>
      <label for="rationale">Rationale</label>
      <textarea
        id="rationale"
        rows={4}
        required
        value={rationale}
        onInput={(e) => setRationale((e.target as HTMLTextAreaElement).value)}
      />
      <fieldset>
        <legend>Evidence</legend>
        {evidence.map((ev, i) => (
          <div class="evidence-row" key={i}>
            <div>
              <label for={`ev-url-${i}`}>Link {i + 1}</label>
              <input
                id={`ev-url-${i}`}
                type="url"
                placeholder="https://…"
                value={ev.url}
                onInput={(e) => setEv(i, { url: (e.target as HTMLInputElement).value })}
              />
            </div>
            <div>
              <label for={`ev-title-${i}`}>Title {i + 1}</label>
              <input
                id={`ev-title-${i}`}
                type="text"
                value={ev.title}
                onInput={(e) => setEv(i, { title: (e.target as HTMLInputElement).value })}
              />
            </div>
            <div>
              <label for={`ev-note-${i}`}>Note {i + 1}</label>
              <input
                id={`ev-note-${i}`}
                type="text"
                value={ev.note}
                onInput={(e) => setEv(i, { note: (e.target as HTMLInputElement).value })}
              />
            </div>
          </div>
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() => setEvidence([...evidence, { url: '', title: '', note: '' }])}
        >
          Add a link
        </button>
      </fieldset>
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save review'}
      </button>
      <ErrorBox error={error} />
      {notice ? <Notice>{notice}</Notice> : null}
    </form>
  );
}

// A claim made by mistake: withdrawn with a reason, kept in the history, out of exports.
function WithdrawForm(props: { claim: ClaimDetail; etag: string | null; onSaved: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('POST', `/claims/${props.claim.id}/withdraw`, {
        ifMatch: props.etag ?? `"${props.claim.version}"`,
        body: { reason: reason.trim() },
      });
      props.onSaved();
    } catch (err) {
      setError(
        await writeFailure(
          err,
          'Someone else changed this claim since you opened it. The page now shows its current state; it was not withdrawn.',
          props.onSaved,
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="withdraw" onSubmit={(e) => void submit(e)} aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">Withdraw</h2>
      <label for="withdraw-reason">Why withdraw this claim</label>
      <input
        id="withdraw-reason"
        type="text"
        required
        maxLength={500}
        value={reason}
        placeholder="e.g. made from the wrong quote"
        onInput={(e) => setReason((e.target as HTMLInputElement).value)}
      />
      <button type="submit" class="secondary" disabled={busy}>
        {busy ? 'Withdrawing…' : 'Withdraw claim'}
      </button>
      <ErrorBox error={error} />
    </form>
  );
}
