import { CreateDocumentsAndArticles1763884800000 } from './1763884800000-CreateDocumentsAndArticles';
import { CreateSpeakersAndQuotes1763971200000 } from './1763971200000-CreateSpeakersAndQuotes';

// Listed explicitly (no globs): bundled builds and tests see the same list.
export const MIGRATIONS = [CreateDocumentsAndArticles1763884800000, CreateSpeakersAndQuotes1763971200000];
