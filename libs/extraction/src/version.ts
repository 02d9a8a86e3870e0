// Bump when rules change: stored articles extracted with an older version get re-extracted.
export const ENGINE_VERSION = '2.6.0';
