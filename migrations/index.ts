import { CreateDocumentsAndArticles1763884800000 } from './1763884800000-CreateDocumentsAndArticles';
import { CreateSpeakersAndQuotes1763971200000 } from './1763971200000-CreateSpeakersAndQuotes';
import { CreateKeysAndAudit1764057600000 } from './1764057600000-CreateKeysAndAudit';
import { CreateClaims1764144000000 } from './1764144000000-CreateClaims';
import { SpeedUpLookups1764260000000 } from './1764260000000-SpeedUpLookups';
import { SpeakerNameTrigrams1764400000000 } from './1764400000000-SpeakerNameTrigrams';
import { ClaimReviewNoTruncate1764480000000 } from './1764480000000-ClaimReviewNoTruncate';
import { PublishReadModels1764470000000 } from './1764470000000-PublishReadModels';
import { SpeakerEditing1764500000000 } from './1764500000000-SpeakerEditing';
import { RejectQuotesWithdrawClaims1764550000000 } from './1764550000000-RejectQuotesWithdrawClaims';
import { NotifyApiKeyChanges1764490000000 } from './1764490000000-NotifyApiKeyChanges';
import { ArticleDates1764600000000 } from './1764600000000-ArticleDates';
import { ExtractionStatus1764810000000 } from './1764810000000-ExtractionStatus';
import { ClaimAnchors1764900000000 } from './1764900000000-ClaimAnchors';
import { SpeakerNativeNames1764910000000 } from './1764910000000-SpeakerNativeNames';

// Listed explicitly (no globs): bundled builds and tests see the same list.
export const MIGRATIONS = [
  CreateDocumentsAndArticles1763884800000,
  CreateSpeakersAndQuotes1763971200000,
  CreateKeysAndAudit1764057600000,
  CreateClaims1764144000000,
  SpeedUpLookups1764260000000,
  SpeakerNameTrigrams1764400000000,
  PublishReadModels1764470000000,
  ClaimReviewNoTruncate1764480000000,
  NotifyApiKeyChanges1764490000000,
  SpeakerEditing1764500000000,
  RejectQuotesWithdrawClaims1764550000000,
  ArticleDates1764600000000,
  ExtractionStatus1764810000000,
  ClaimAnchors1764900000000,
  SpeakerNativeNames1764910000000,
];
