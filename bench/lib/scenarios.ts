import type { QueryPools } from './query-pool';

// The three lookups, as the API is asked for them (bench:api and bench:queries).
export const SCENARIO_PATHS: Record<
  keyof QueryPools,
  { label: string; path: (v: string) => string }
> = {
  search: {
    label: '`GET /quotes?q=`',
    path: (v) => `/api/v1/quotes?q=${encodeURIComponent(v)}`,
  },
  lookup: {
    label: '`GET /quotes/lookup?text=`',
    path: (v) => `/api/v1/quotes/lookup?text=${encodeURIComponent(v)}`,
  },
  speakers: {
    label: '`GET /speakers?q=`',
    path: (v) => `/api/v1/speakers?q=${encodeURIComponent(v)}`,
  },
};
