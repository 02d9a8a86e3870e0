import { useState } from 'preact/hooks';
import { call, errorText, get } from '../api';
import { can, session } from '../session';
import { useStore } from '../store';
import type { Page, QuoteHit, SpeakerHit, SpeakerProfile } from '../types';
import { ErrorBox, formatDate, Loading, Notice, SpeakerPicker, useAsync } from '../ui';
import { QuoteList } from './quote-list';

async function load(id: string) {
  const [profile, quotes] = await Promise.all([
    get<SpeakerProfile>(`/speakers/${id}`),
    get<Page<QuoteHit>>('/quotes', { speaker: id, limit: 100 }),
  ]);
  const byDate = [...quotes.data.items].sort((a, b) =>
    (b.article.publishedAt ?? b.firstSeen).localeCompare(a.article.publishedAt ?? a.firstSeen),
  );
  return { profile: profile.data, quotes: byDate, more: quotes.data.nextCursor !== null };
}

export function SpeakerPage({ id }: { id: string }) {
  const who = useStore(session);
  const result = useAsync(() => load(id), [id]);
  const d = result.data;
  const counts = new Map<string, number>();
  d?.quotes.forEach((q) => counts.set(q.verdict, (counts.get(q.verdict) ?? 0) + 1));
  return (
    <section>
      <ErrorBox error={result.error} />
      {result.loading && !d ? <Loading what="Loading the speaker" /> : null}
      {d ? (
        <>
          <h1>
            {d.profile.name}
            {d.profile.nativeName ? <span class="native"> {d.profile.nativeName}</span> : null}
          </h1>
          <p class="muted">
            {[d.profile.role, d.profile.organization].filter(Boolean).join(', ') || 'No role known'}
          </p>
          <dl class="facts">
            <div>
              <dt>Also known as</dt>
              <dd>{d.profile.aliases.length ? d.profile.aliases.join(', ') : '—'}</dd>
            </div>
            <div>
              <dt>Verdicts</dt>
              <dd>{[...counts.entries()].map(([v, n]) => `${v} ${n}`).join(' · ') || '—'}</dd>
            </div>
          </dl>
          <h2>Affiliations over time</h2>
          {d.profile.affiliations.length ? (
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">
                  Roles and organisations, with when they were seen
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Role</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">First seen</th>
                    <th scope="col">Last seen</th>
                    <th scope="col">Articles</th>
                  </tr>
                </thead>
                <tbody>
                  {[...d.profile.affiliations]
                    .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen))
                    .map((a, i) => (
                      <tr key={i}>
                        <td>{a.role ?? '—'}</td>
                        <td>{a.organization ?? '—'}</td>
                        <td>{formatDate(a.firstSeen)}</td>
                        <td>{formatDate(a.lastSeen)}</td>
                        <td>
                          {a.articleIds.map((aid, j) => (
                            <span key={aid}>
                              {j ? ', ' : ''}
                              <a href={`/articles/${aid}`} aria-label={`Article ${j + 1}`}>
                                {j + 1}
                              </a>
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>None recorded.</p>
          )}
          <h2>Quotes, newest first</h2>
          {d.quotes.length ? <QuoteList items={d.quotes} /> : <p>No quotes.</p>}
          {d.more ? (
            <p>
              <a href={`/?speaker=${encodeURIComponent(id)}`}>All quotes in search</a>
            </p>
          ) : null}
          {can(who, 'reviewer') ? <Merge into={d.profile} onMerged={result.reload} /> : null}
        </>
      ) : null}
    </section>
  );
}

// Duplicates are folded into this speaker (POST /speakers/:id/merge); their quotes move here.
function Merge({ into, onMerged }: { into: SpeakerProfile; onMerged: () => void }) {
  const [picked, setPicked] = useState<SpeakerHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const merge = async () => {
    if (
      !window.confirm(
        `Fold ${picked.map((p) => p.name).join(', ')} into ${into.name}? Their quotes and aliases move here.`,
      )
    )
      return;
    setBusy(true);
    setError(null);
    try {
      await call('POST', `/speakers/${into.id}/merge`, { body: { from: picked.map((p) => p.id) } });
      setNotice(`Merged ${picked.length} speaker(s) into ${into.name}.`);
      setPicked([]);
      onMerged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="merge" aria-labelledby="merge-heading">
      <h2 id="merge-heading">Merge duplicates into {into.name}</h2>
      <SpeakerPicker
        label="Find a duplicate"
        exclude={[into.id, ...picked.map((p) => p.id)]}
        onPick={(s) => setPicked([...picked, s])}
      />
      {picked.length ? (
        <ul class="picked">
          {picked.map((p) => (
            <li key={p.id}>
              {p.name}{' '}
              <button
                type="button"
                class="link"
                aria-label={`Remove ${p.name}`}
                onClick={() => setPicked(picked.filter((x) => x.id !== p.id))}
              >
                remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" disabled={busy || picked.length === 0} onClick={() => void merge()}>
        Merge
      </button>
      <ErrorBox error={error} />
      {notice ? <Notice>{notice}</Notice> : null}
    </section>
  );
}
