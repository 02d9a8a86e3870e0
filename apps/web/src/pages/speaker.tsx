import { useEffect, useState } from 'preact/hooks';
import { call, errorText, get, writeFailure } from '../api';
import { location, navigate } from '../router';
import { can, session } from '../session';
import { useStore } from '../store';
import type { Affiliation, Page, QuoteHit, SpeakerHit, SpeakerProfile } from '../types';
import { ErrorBox, formatDate, Loading, Notice, SpeakerPicker, useAsync } from '../ui';
import { QuoteList } from './quote-list';

async function load(id: string) {
  // A merged speaker answers 308 to the survivor; fetch follows it, and the profile's id says
  // where we landed.
  const profile = await get<SpeakerProfile>(`/speakers/${id}`);
  const quotes = await get<Page<QuoteHit>>('/quotes', { speaker: profile.data.id, limit: 100 });
  const byDate = [...quotes.data.items].sort((a, b) =>
    (b.article.publishedAt ?? b.firstSeen).localeCompare(a.article.publishedAt ?? a.firstSeen),
  );
  return {
    profile: profile.data,
    etag: profile.etag,
    quotes: byDate,
    more: quotes.data.nextCursor !== null,
  };
}

export function SpeakerPage({ id }: { id: string }) {
  const who = useStore(session);
  const result = useAsync(() => load(id), [id]);
  const d = result.data;
  const loc = useStore(location);
  const merged = loc.query.get('merged') !== null;
  // The old address of a merged speaker becomes the survivor's, so it is the one people share.
  useEffect(() => {
    if (d && d.profile.id !== id) navigate(`/speakers/${d.profile.id}?merged=1`, true);
  }, [d?.profile.id, id]);
  const counts = new Map<string, number>();
  if (d?.profile.verdicts)
    for (const [v, n] of Object.entries(d.profile.verdicts)) if (n) counts.set(v, n);
  return (
    <section>
      {merged && d ? (
        <Notice>
          The speaker you asked for was merged into {d.profile.name}; this is the page now.
        </Notice>
      ) : null}
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
          {can(who, 'reviewer') ? (
            <SpeakerEditor profile={d.profile} etag={d.etag} onSaved={result.reload} />
          ) : null}
          <h2>Affiliations over time</h2>
          <Affiliations
            profile={d.profile}
            editable={can(who, 'reviewer')}
            onSaved={result.reload}
          />
          <h2>Quotes, newest first</h2>
          {d.quotes.length ? <QuoteList items={d.quotes} /> : <p>No quotes.</p>}
          {d.more ? (
            <p>
              <a href={`/?speaker=${encodeURIComponent(id)}`}>All quotes in search</a>
            </p>
          ) : null}
          {can(who, 'reviewer') ? (
            <>
              <Merge into={d.profile} onMerged={result.reload} />
              <DeleteSpeaker profile={d.profile} etag={d.etag} />
            </>
          ) : null}
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

const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

// Name, native-script name, aliases and kind, sent with the ETag read with the profile.
function SpeakerEditor(props: {
  profile: SpeakerProfile;
  etag: string | null;
  onSaved: () => void;
}) {
  const p = props.profile;
  const initial = () => ({
    name: p.name,
    nativeName: p.nativeName ?? '',
    aliases: p.aliases.join(', '),
    kind: p.kind ?? 'person',
  });
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setForm(initial()), [p.id, p.version]);
  const set = (name: keyof ReturnType<typeof initial>) => (e: Event) =>
    setForm({ ...form, [name]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await call('PATCH', `/speakers/${p.id}`, {
        ifMatch: props.etag ?? `"${p.version}"`,
        body: {
          name: form.name.trim(),
          nativeName: form.nativeName.trim() || null,
          aliases: splitList(form.aliases),
          kind: form.kind,
        },
      });
      setNotice('Speaker saved.');
      props.onSaved();
    } catch (err) {
      setError(
        await writeFailure(
          err,
          'Someone else changed this speaker since you opened the page. It now shows their version; yours was not saved.',
          props.onSaved,
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="editor">
      <summary>Edit names and kind</summary>
      <form class="edit-grid" onSubmit={(e) => void save(e)}>
        <div>
          <label for="se-name">Name</label>
          <input id="se-name" type="text" required value={form.name} onInput={set('name')} />
        </div>
        <div>
          <label for="se-native">Native-script name</label>
          <input id="se-native" type="text" value={form.nativeName} onInput={set('nativeName')} />
        </div>
        <div>
          <label for="se-aliases">Aliases (comma-separated)</label>
          <input id="se-aliases" type="text" value={form.aliases} onInput={set('aliases')} />
        </div>
        <div>
          <label for="se-kind">Kind</label>
          <select id="se-kind" value={form.kind} onChange={set('kind')}>
            <option value="person">person</option>
            <option value="organization">organisation</option>
          </select>
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save speaker'}
          </button>
        </div>
      </form>
      <ErrorBox error={error} />
      {notice ? <Notice>{notice}</Notice> : null}
    </details>
  );
}

interface AffiliationForm {
  role: string;
  organization: string;
  from: string;
  to: string;
}
const emptyAffiliation: AffiliationForm = { role: '', organization: '', from: '', to: '' };
const affiliationBody = (f: AffiliationForm) => ({
  role: f.role.trim() || null,
  organization: f.organization.trim() || null,
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
});

// The timeline; reviewers correct a row in place, remove a wrong one or add one with its dates.
function Affiliations(props: { profile: SpeakerProfile; editable: boolean; onSaved: () => void }) {
  const p = props.profile;
  const [editing, setEditing] = useState<string | null>(null);
  const [row, setRow] = useState<AffiliationForm>(emptyAffiliation);
  const [added, setAdded] = useState<AffiliationForm>(emptyAffiliation);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await fn();
      setNotice(done);
      setEditing(null);
      props.onSaved();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const startEdit = (a: Affiliation) => {
    setEditing(a.id);
    setRow({
      role: a.role ?? '',
      organization: a.organization ?? '',
      from: a.firstSeen.slice(0, 10),
      to: a.lastSeen.slice(0, 10),
    });
  };
  const input = (
    f: AffiliationForm,
    setF: (f: AffiliationForm) => void,
    name: keyof AffiliationForm,
    label: string,
    id: string,
  ) => (
    <>
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type={name === 'from' || name === 'to' ? 'date' : 'text'}
        value={f[name]}
        onInput={(e) => setF({ ...f, [name]: (e.target as HTMLInputElement).value })}
      />
    </>
  );
  const sorted = [...p.affiliations].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen));
  return (
    <>
      {sorted.length ? (
        <div class="table-wrap">
          <table class="affiliations">
            <caption class="visually-hidden">
              Roles and organisations, with when they were held or seen
            </caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Organisation</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Articles</th>
                {props.editable ? <th scope="col">Change</th> : null}
              </tr>
            </thead>
            <tbody>
              {sorted.map((a, i) =>
                editing === a.id ? (
                  <tr key={a.id}>
                    <td>{input(row, setRow, 'role', `Role, row ${i + 1}`, `af-role-${i}`)}</td>
                    <td>
                      {input(
                        row,
                        setRow,
                        'organization',
                        `Organisation, row ${i + 1}`,
                        `af-org-${i}`,
                      )}
                    </td>
                    <td>{input(row, setRow, 'from', `From, row ${i + 1}`, `af-from-${i}`)}</td>
                    <td>{input(row, setRow, 'to', `To, row ${i + 1}`, `af-to-${i}`)}</td>
                    <td>{a.articleIds.length}</td>
                    <td class="button-row">
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() =>
                          void run(
                            () =>
                              call('PATCH', `/speakers/${p.id}/affiliations/${a.id}`, {
                                body: affiliationBody(row),
                              }),
                            'Affiliation saved.',
                          )
                        }
                      >
                        Save
                      </button>
                      <button type="button" class="secondary" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </td>
                  </tr>
                ) : (
                  <tr key={a.id}>
                    <td>{a.role ?? '—'}</td>
                    <td>{a.organization ?? '—'}</td>
                    <td>{formatDate(a.firstSeen)}</td>
                    <td>{formatDate(a.lastSeen)}</td>
                    <td>
                      {a.articleIds.length
                        ? a.articleIds.map((aid, j) => (
                            <span key={aid}>
                              {j ? ', ' : ''}
                              <a href={`/articles/${aid}`} aria-label={`Article ${j + 1}`}>
                                {j + 1}
                              </a>
                            </span>
                          ))
                        : a.editedBy
                          ? `entered by ${a.editedBy}`
                          : '—'}
                    </td>
                    {props.editable ? (
                      <td class="button-row">
                        <button
                          type="button"
                          class="secondary"
                          aria-label={`Edit ${a.role ?? 'affiliation'} ${a.organization ?? ''}`.trim()}
                          onClick={() => startEdit(a)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          class="secondary"
                          disabled={busy}
                          aria-label={`Remove ${a.role ?? 'affiliation'} ${a.organization ?? ''}`.trim()}
                          onClick={() => {
                            if (window.confirm('Remove this affiliation?'))
                              void run(
                                () => call('DELETE', `/speakers/${p.id}/affiliations/${a.id}`),
                                'Affiliation removed.',
                              );
                          }}
                        >
                          Remove
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : (
        <p>None recorded.</p>
      )}
      {props.editable ? (
        <details class="editor">
          <summary>Add an affiliation</summary>
          <form
            class="edit-grid"
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () =>
                  call('POST', `/speakers/${p.id}/affiliations`, {
                    body: affiliationBody(added),
                  }).then(() => setAdded(emptyAffiliation)),
                'Affiliation added.',
              );
            }}
          >
            {(
              [
                ['role', 'Role'],
                ['organization', 'Organisation'],
                ['from', 'From'],
                ['to', 'To'],
              ] as const
            ).map(([name, label]) => (
              <div key={name}>
                <label for={`af-new-${name}`}>{label}</label>
                <input
                  id={`af-new-${name}`}
                  type={name === 'from' || name === 'to' ? 'date' : 'text'}
                  value={added[name]}
                  onInput={(e) =>
                    setAdded({ ...added, [name]: (e.target as HTMLInputElement).value })
                  }
                />
              </div>
            ))}
            <div class="actions">
              <button type="submit" disabled={busy}>
                Add affiliation
              </button>
            </div>
          </form>
        </details>
      ) : null}
      <ErrorBox error={error} />
      {notice ? <Notice>{notice}</Notice> : null}
    </>
  );
}

// Only a speaker nothing names can go; the API's 409 says what still does.
function DeleteSpeaker({ profile, etag }: { profile: SpeakerProfile; etag: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (!window.confirm(`Delete ${profile.name}? This cannot be undone.`)) return;
    setBusy(true);
    setError(null);
    try {
      await call('DELETE', `/speakers/${profile.id}`, { ifMatch: etag ?? `"${profile.version}"` });
      navigate(`/?deleted=${encodeURIComponent(profile.name)}`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete {profile.name}</h2>
      <p class="small muted">Only a speaker with no quotes and no claims can be deleted.</p>
      <button type="button" class="secondary" disabled={busy} onClick={() => void remove()}>
        Delete speaker
      </button>
      <ErrorBox error={error} />
    </section>
  );
}
