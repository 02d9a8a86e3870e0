import { Client } from 'pg';

// Straight SQL against a test database, for assertions that must not trust the API.
export async function sql<T = Record<string, unknown>>(
  url: string,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function countRows(url: string): Promise<Record<string, number>> {
  const [row] = await sql<Record<string, string>>(
    url,
    `SELECT (SELECT count(*) FROM document) AS documents, (SELECT count(*) FROM article) AS articles,
            (SELECT count(*) FROM article_source) AS sources`,
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
