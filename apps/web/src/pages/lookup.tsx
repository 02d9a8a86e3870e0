import { useEffect, useState } from 'preact/hooks';
import { get, qs } from '../api';
import { location, navigate } from '../router';
import { useStore } from '../store';
import type { QuoteHit } from '../types';
import { ErrorBox, Loading, useAsync } from '../ui';
import { QuoteList } from './quote-list';

// "Who said this?": approximate words in, the closest quotes out, with the similarity.
export function LookupPage() {
  const loc = useStore(location);
  const text = loc.query.get('text') ?? '';
  const [form, setForm] = useState(text);
  useEffect(() => setForm(text), [text]);
  const result = useAsync(
    () =>
      text.trim().length >= 3
        ? get<QuoteHit[]>('/quotes/lookup', { text, limit: 10 }).then((r) => r.data)
        : Promise.resolve(null),
    [text],
  );
  return (
    <section>
      <h1>Who said this?</h1>
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/lookup${qs({ text: form })}`);
        }}
      >
        <div class="grow">
          <label for="lookup-text">The words as you remember them</label>
          <textarea
            id="lookup-text"
            rows={2}
            minLength={3}
            required
            value={form}
            onInput={(e) => setForm((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <div class="actions">
          <button type="submit">Look up</button>
        </div>
      </form>
      <ErrorBox error={result.error} />
      {result.loading ? <Loading what="Looking up" /> : null}
      {result.data ? (
        result.data.length ? (
          <QuoteList items={result.data} showSimilarity />
        ) : (
          <p role="status">Nothing close enough. Try other words from the sentence.</p>
        )
      ) : null}
    </section>
  );
}
