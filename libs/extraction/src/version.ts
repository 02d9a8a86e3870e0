// Bump when rules change: stored articles extracted with an older version get re-extracted.
export const ENGINE_VERSION = '0.1.0';
