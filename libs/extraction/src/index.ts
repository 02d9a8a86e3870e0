export type {
  SegmentKind,
  Segment,
  ExtractOptions,
  ExtractedQuote,
  MentionedPerson,
  ExtractionResult,
} from './types';
export { segmentDocument } from './segment/segment-document';
export { extract } from './extract';
export { ENGINE_VERSION } from './version';
