// Written by `npm run calibrate`; do not edit by hand.
// Measured on: ggt_dev.jsonl (strict), polnear_train.jsonl (canonical), polnear_dev.jsonl (canonical).
export interface Measured {
  quotes: number;
  precision: number;
}

export const CALIBRATION: { overall: Measured; rules: Record<string, Measured>; paths: Record<string, Measured> } = {
  'overall': {
    'quotes': 4203,
    'precision': 0.952
  },
  'rules': {
    'colon-intro': {
      'quotes': 15,
      'precision': 0.933
    },
    'continuation': {
      'quotes': 70,
      'precision': 0.925
    },
    'cue-after': {
      'quotes': 2325,
      'precision': 0.97
    },
    'cue-before': {
      'quotes': 527,
      'precision': 0.843
    },
    'cue-in-sentence': {
      'quotes': 89,
      'precision': 0.814
    },
    'previous-sentence': {
      'quotes': 22,
      'precision': 0.636
    },
    'reported-speech': {
      'quotes': 13,
      'precision': 0.917
    },
    'same-paragraph': {
      'quotes': 1129,
      'precision': 0.97
    }
  },
  'paths': {
    'colon-intro:name': {
      'quotes': 15,
      'precision': 0.933
    },
    'continuation:name': {
      'quotes': 60,
      'precision': 0.979
    },
    'continuation:pronoun': {
      'quotes': 7,
      'precision': 0.857
    },
    'cue-after:name': {
      'quotes': 2264,
      'precision': 0.986
    },
    'cue-after:pronoun': {
      'quotes': 56,
      'precision': 0.731
    },
    'cue-before:name': {
      'quotes': 518,
      'precision': 0.847
    },
    'cue-before:pronoun': {
      'quotes': 5,
      'precision': 0.6
    },
    'cue-in-sentence:name': {
      'quotes': 85,
      'precision': 0.799
    },
    'previous-sentence:name': {
      'quotes': 21,
      'precision': 0.667
    },
    'reported-speech:name': {
      'quotes': 12,
      'precision': 0.917
    },
    'same-paragraph:name': {
      'quotes': 1106,
      'precision': 0.979
    },
    'same-paragraph:pronoun': {
      'quotes': 19,
      'precision': 0.764
    }
  }
};
