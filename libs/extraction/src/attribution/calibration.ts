// Written by `npm run calibrate`; do not edit by hand.
// Measured on: ggt_dev.jsonl (strict), polnear_train.jsonl (canonical), polnear_dev.jsonl (canonical).
export interface Measured {
  quotes: number;
  precision: number;
}

export const CALIBRATION: {
  overall: Measured;
  rules: Record<string, Measured>;
  kinds: Record<string, Measured>;
  vias: Record<string, Measured>;
  paths: Record<string, Measured>;
} = {
  overall: {
    quotes: 4199,
    precision: 0.967,
  },
  rules: {
    'colon-intro': {
      quotes: 18,
      precision: 0.944,
    },
    continuation: {
      quotes: 73,
      precision: 0.918,
    },
    'cue-after': {
      quotes: 2325,
      precision: 0.988,
    },
    'cue-before': {
      quotes: 521,
      precision: 0.932,
    },
    'cue-in-sentence': {
      quotes: 90,
      precision: 0.9,
    },
    'previous-sentence': {
      quotes: 27,
      precision: 0.667,
    },
    'reported-speech': {
      quotes: 13,
      precision: 0.923,
    },
    'same-paragraph': {
      quotes: 1129,
      precision: 0.974,
    },
    'transcript-label': {
      quotes: 3,
      precision: 0,
    },
  },
  kinds: {
    'colon-intro:name': {
      quotes: 18,
      precision: 0.944,
    },
    'continuation:label': {
      quotes: 1,
      precision: 0,
    },
    'continuation:name': {
      quotes: 62,
      precision: 0.952,
    },
    'continuation:pronoun': {
      quotes: 10,
      precision: 0.8,
    },
    'cue-after:description': {
      quotes: 3,
      precision: 0.667,
    },
    'cue-after:document': {
      quotes: 1,
      precision: 1,
    },
    'cue-after:name': {
      quotes: 2264,
      precision: 0.994,
    },
    'cue-after:pronoun': {
      quotes: 57,
      precision: 0.93,
    },
    'cue-before:description': {
      quotes: 1,
      precision: 0,
    },
    'cue-before:name': {
      quotes: 512,
      precision: 0.946,
    },
    'cue-before:pronoun': {
      quotes: 8,
      precision: 0.5,
    },
    'cue-in-sentence:name': {
      quotes: 86,
      precision: 0.895,
    },
    'cue-in-sentence:pronoun': {
      quotes: 4,
      precision: 1,
    },
    'previous-sentence:description': {
      quotes: 1,
      precision: 0,
    },
    'previous-sentence:name': {
      quotes: 26,
      precision: 0.692,
    },
    'reported-speech:name': {
      quotes: 12,
      precision: 0.917,
    },
    'reported-speech:pronoun': {
      quotes: 1,
      precision: 1,
    },
    'same-paragraph:description': {
      quotes: 3,
      precision: 0.667,
    },
    'same-paragraph:document': {
      quotes: 1,
      precision: 1,
    },
    'same-paragraph:name': {
      quotes: 1107,
      precision: 0.976,
    },
    'same-paragraph:pronoun': {
      quotes: 18,
      precision: 0.944,
    },
    'transcript-label:label': {
      quotes: 3,
      precision: 0,
    },
  },
  vias: {
    description: {
      quotes: 8,
      precision: 0.5,
    },
    document: {
      quotes: 2,
      precision: 1,
    },
    label: {
      quotes: 4,
      precision: 0,
    },
    name: {
      quotes: 4087,
      precision: 0.971,
    },
    pronoun: {
      quotes: 98,
      precision: 0.888,
    },
  },
  paths: {
    'colon-intro:name@0.70': {
      quotes: 6,
      precision: 0.833,
    },
    'colon-intro:name@0.80': {
      quotes: 12,
      precision: 1,
    },
    'continuation:label@0.63': {
      quotes: 1,
      precision: 0,
    },
    'continuation:name@0.12': {
      quotes: 1,
      precision: 1,
    },
    'continuation:name@0.17': {
      quotes: 1,
      precision: 1,
    },
    'continuation:name@0.24': {
      quotes: 1,
      precision: 1,
    },
    'continuation:name@0.27': {
      quotes: 1,
      precision: 1,
    },
    'continuation:name@0.34': {
      quotes: 1,
      precision: 1,
    },
    'continuation:name@0.39': {
      quotes: 1,
      precision: 1,
    },
    'continuation:name@0.46': {
      quotes: 2,
      precision: 1,
    },
    'continuation:name@0.49': {
      quotes: 3,
      precision: 0.667,
    },
    'continuation:name@0.52': {
      quotes: 1,
      precision: 1,
    },
    'continuation:name@0.53': {
      quotes: 6,
      precision: 1,
    },
    'continuation:name@0.56': {
      quotes: 6,
      precision: 0.833,
    },
    'continuation:name@0.60': {
      quotes: 2,
      precision: 0.5,
    },
    'continuation:name@0.63': {
      quotes: 2,
      precision: 1,
    },
    'continuation:name@0.66': {
      quotes: 34,
      precision: 1,
    },
    'continuation:pronoun@0.48': {
      quotes: 1,
      precision: 1,
    },
    'continuation:pronoun@0.60': {
      quotes: 9,
      precision: 0.778,
    },
    'cue-after:description@0.95': {
      quotes: 3,
      precision: 0.667,
    },
    'cue-after:document@0.95': {
      quotes: 1,
      precision: 1,
    },
    'cue-after:name@0.85': {
      quotes: 24,
      precision: 1,
    },
    'cue-after:name@0.90': {
      quotes: 3,
      precision: 1,
    },
    'cue-after:name@0.95': {
      quotes: 2237,
      precision: 0.994,
    },
    'cue-after:pronoun@0.86': {
      quotes: 57,
      precision: 0.93,
    },
    'cue-before:description@0.90': {
      quotes: 1,
      precision: 0,
    },
    'cue-before:name@0.70': {
      quotes: 26,
      precision: 0.846,
    },
    'cue-before:name@0.80': {
      quotes: 25,
      precision: 0.96,
    },
    'cue-before:name@0.85': {
      quotes: 100,
      precision: 0.89,
    },
    'cue-before:name@0.90': {
      quotes: 361,
      precision: 0.976,
    },
    'cue-before:pronoun@0.77': {
      quotes: 2,
      precision: 0.5,
    },
    'cue-before:pronoun@0.81': {
      quotes: 6,
      precision: 0.5,
    },
    'cue-in-sentence:name@0.75': {
      quotes: 33,
      precision: 0.909,
    },
    'cue-in-sentence:name@0.80': {
      quotes: 53,
      precision: 0.887,
    },
    'cue-in-sentence:pronoun@0.68': {
      quotes: 3,
      precision: 1,
    },
    'cue-in-sentence:pronoun@0.72': {
      quotes: 1,
      precision: 1,
    },
    'previous-sentence:description@0.65': {
      quotes: 1,
      precision: 0,
    },
    'previous-sentence:name@0.65': {
      quotes: 26,
      precision: 0.692,
    },
    'reported-speech:name@0.70': {
      quotes: 12,
      precision: 0.917,
    },
    'reported-speech:pronoun@0.63': {
      quotes: 1,
      precision: 1,
    },
    'same-paragraph:description@0.76': {
      quotes: 3,
      precision: 0.667,
    },
    'same-paragraph:document@0.76': {
      quotes: 1,
      precision: 1,
    },
    'same-paragraph:name@0.60': {
      quotes: 16,
      precision: 1,
    },
    'same-paragraph:name@0.61': {
      quotes: 4,
      precision: 1,
    },
    'same-paragraph:name@0.64': {
      quotes: 10,
      precision: 0.9,
    },
    'same-paragraph:name@0.68': {
      quotes: 3,
      precision: 0.333,
    },
    'same-paragraph:name@0.72': {
      quotes: 15,
      precision: 0.867,
    },
    'same-paragraph:name@0.76': {
      quotes: 1059,
      precision: 0.981,
    },
    'same-paragraph:pronoun@0.48': {
      quotes: 1,
      precision: 0,
    },
    'same-paragraph:pronoun@0.52': {
      quotes: 1,
      precision: 1,
    },
    'same-paragraph:pronoun@0.58': {
      quotes: 1,
      precision: 1,
    },
    'same-paragraph:pronoun@0.62': {
      quotes: 1,
      precision: 1,
    },
    'same-paragraph:pronoun@0.65': {
      quotes: 1,
      precision: 1,
    },
    'same-paragraph:pronoun@0.69': {
      quotes: 13,
      precision: 1,
    },
    'transcript-label:label@0.90': {
      quotes: 3,
      precision: 0,
    },
  },
};
