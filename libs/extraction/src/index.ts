export type {
  SegmentKind,
  Segment,
  ExtractOptions,
  ExtractedQuote,
  MentionedPerson,
  ExtractionResult,
  SpeakerKind,
} from './types';
export type { RuleName } from './attribution/attribution';
export { RULE_NAMES } from './attribution/attribution';
export { segmentDocument } from './segment/segment-document';
export { extract } from './extract';
export { ENGINE_VERSION } from './version';
