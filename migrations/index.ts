import { CreateDocumentsAndArticles1763884800000 } from './1763884800000-CreateDocumentsAndArticles';

// Listed explicitly (no globs): bundled builds and tests see the same list.
export const MIGRATIONS = [CreateDocumentsAndArticles1763884800000];
