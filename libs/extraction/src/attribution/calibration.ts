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
  tails: Record<string, Measured>;
  paths: Record<string, Measured>;
} = {
  overall: {
    quotes: 4269,
    precision: 0.984,
  },
  rules: {
    'colon-intro': {
      quotes: 19,
      precision: 0.947,
    },
    continuation: {
      quotes: 82,
      precision: 0.927,
    },
    'cue-after': {
      quotes: 2338,
      precision: 0.994,
    },
    'cue-before': {
      quotes: 543,
      precision: 0.972,
    },
    'cue-in-sentence': {
      quotes: 92,
      precision: 0.957,
    },
    'paragraph-topic': {
      quotes: 2,
      precision: 1,
    },
    'previous-sentence': {
      quotes: 21,
      precision: 0.619,
    },
    'reported-speech': {
      quotes: 14,
      precision: 0.929,
    },
    'same-paragraph': {
      quotes: 1155,
      precision: 0.982,
    },
    'transcript-label': {
      quotes: 3,
      precision: 0,
    },
  },
  kinds: {
    'colon-intro:document': {
      quotes: 1,
      precision: 1,
    },
    'colon-intro:name': {
      quotes: 18,
      precision: 0.944,
    },
    'continuation:document': {
      quotes: 1,
      precision: 1,
    },
    'continuation:label': {
      quotes: 1,
      precision: 0,
    },
    'continuation:name': {
      quotes: 66,
      precision: 0.955,
    },
    'continuation:pronoun': {
      quotes: 14,
      precision: 0.857,
    },
    'cue-after:description': {
      quotes: 6,
      precision: 0.833,
    },
    'cue-after:document': {
      quotes: 1,
      precision: 1,
    },
    'cue-after:name': {
      quotes: 2269,
      precision: 0.996,
    },
    'cue-after:pronoun': {
      quotes: 62,
      precision: 0.984,
    },
    'cue-before:description': {
      quotes: 1,
      precision: 0,
    },
    'cue-before:document': {
      quotes: 1,
      precision: 0,
    },
    'cue-before:name': {
      quotes: 534,
      precision: 0.986,
    },
    'cue-before:pronoun': {
      quotes: 7,
      precision: 0.571,
    },
    'cue-in-sentence:description': {
      quotes: 1,
      precision: 1,
    },
    'cue-in-sentence:document': {
      quotes: 2,
      precision: 1,
    },
    'cue-in-sentence:name': {
      quotes: 85,
      precision: 0.953,
    },
    'cue-in-sentence:pronoun': {
      quotes: 4,
      precision: 1,
    },
    'paragraph-topic:name': {
      quotes: 2,
      precision: 1,
    },
    'previous-sentence:description': {
      quotes: 1,
      precision: 0,
    },
    'previous-sentence:name': {
      quotes: 20,
      precision: 0.65,
    },
    'reported-speech:name': {
      quotes: 12,
      precision: 0.917,
    },
    'reported-speech:pronoun': {
      quotes: 2,
      precision: 1,
    },
    'same-paragraph:description': {
      quotes: 5,
      precision: 0.8,
    },
    'same-paragraph:document': {
      quotes: 1,
      precision: 1,
    },
    'same-paragraph:name': {
      quotes: 1128,
      precision: 0.985,
    },
    'same-paragraph:pronoun': {
      quotes: 21,
      precision: 0.952,
    },
    'transcript-label:label': {
      quotes: 3,
      precision: 0,
    },
  },
  vias: {
    description: {
      quotes: 14,
      precision: 0.714,
    },
    document: {
      quotes: 7,
      precision: 0.857,
    },
    label: {
      quotes: 4,
      precision: 0,
    },
    name: {
      quotes: 4134,
      precision: 0.989,
    },
    pronoun: {
      quotes: 110,
      precision: 0.936,
    },
  },
  tails: {
    all: {
      quotes: 186,
      precision: 0.876,
    },
    description: {
      quotes: 14,
      precision: 0.714,
    },
    document: {
      quotes: 7,
      precision: 0.857,
    },
    label: {
      quotes: 4,
      precision: 0,
    },
    name: {
      quotes: 113,
      precision: 0.929,
    },
    pronoun: {
      quotes: 48,
      precision: 0.875,
    },
  },
  paths: {
    'colon-intro:document@0.80': {
      quotes: 1,
      precision: 1,
    },
    'colon-intro:name@0.70': {
      quotes: 6,
      precision: 0.833,
    },
    'colon-intro:name@0.80': {
      quotes: 12,
      precision: 1,
    },
    'continuation:document@0.56': {
      quotes: 1,
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
    'continuation:name@0.40': {
      quotes: 1,
      precision: 1,
    },
    'continuation:name@0.46': {
      quotes: 3,
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
    'continuation:name@0.57': {
      quotes: 1,
      precision: 1,
    },
    'continuation:name@0.60': {
      quotes: 2,
      precision: 0.5,
    },
    'continuation:name@0.63': {
      quotes: 3,
      precision: 1,
    },
    'continuation:name@0.66': {
      quotes: 34,
      precision: 1,
    },
    'continuation:pronoun@0.48': {
      quotes: 2,
      precision: 1,
    },
    'continuation:pronoun@0.52': {
      quotes: 1,
      precision: 1,
    },
    'continuation:pronoun@0.60': {
      quotes: 11,
      precision: 0.818,
    },
    'cue-after:description@0.95': {
      quotes: 6,
      precision: 0.833,
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
      quotes: 2242,
      precision: 0.996,
    },
    'cue-after:pronoun@0.86': {
      quotes: 62,
      precision: 0.984,
    },
    'cue-before:description@0.90': {
      quotes: 1,
      precision: 0,
    },
    'cue-before:document@0.90': {
      quotes: 1,
      precision: 0,
    },
    'cue-before:name@0.70': {
      quotes: 26,
      precision: 0.962,
    },
    'cue-before:name@0.80': {
      quotes: 28,
      precision: 0.964,
    },
    'cue-before:name@0.85': {
      quotes: 104,
      precision: 0.971,
    },
    'cue-before:name@0.90': {
      quotes: 376,
      precision: 0.994,
    },
    'cue-before:pronoun@0.77': {
      quotes: 2,
      precision: 0.5,
    },
    'cue-before:pronoun@0.81': {
      quotes: 5,
      precision: 0.6,
    },
    'cue-in-sentence:description@0.75': {
      quotes: 1,
      precision: 1,
    },
    'cue-in-sentence:document@0.75': {
      quotes: 2,
      precision: 1,
    },
    'cue-in-sentence:name@0.75': {
      quotes: 31,
      precision: 0.968,
    },
    'cue-in-sentence:name@0.80': {
      quotes: 54,
      precision: 0.944,
    },
    'cue-in-sentence:pronoun@0.68': {
      quotes: 3,
      precision: 1,
    },
    'cue-in-sentence:pronoun@0.72': {
      quotes: 1,
      precision: 1,
    },
    'paragraph-topic:name@0.60': {
      quotes: 2,
      precision: 1,
    },
    'previous-sentence:description@0.65': {
      quotes: 1,
      precision: 0,
    },
    'previous-sentence:name@0.65': {
      quotes: 20,
      precision: 0.65,
    },
    'reported-speech:name@0.70': {
      quotes: 12,
      precision: 0.917,
    },
    'reported-speech:pronoun@0.63': {
      quotes: 2,
      precision: 1,
    },
    'same-paragraph:description@0.60': {
      quotes: 1,
      precision: 1,
    },
    'same-paragraph:description@0.76': {
      quotes: 4,
      precision: 0.75,
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
      quotes: 9,
      precision: 1,
    },
    'same-paragraph:name@0.68': {
      quotes: 2,
      precision: 0.5,
    },
    'same-paragraph:name@0.72': {
      quotes: 15,
      precision: 0.867,
    },
    'same-paragraph:name@0.76': {
      quotes: 1082,
      precision: 0.986,
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
      quotes: 2,
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
      quotes: 15,
      precision: 1,
    },
    'transcript-label:label@0.90': {
      quotes: 3,
      precision: 0,
    },
  },
};
