// Versions travel as ETags ("3", or weak W/"3"); null when the header is not one of ours.
export function etagVersion(header: string): number | null {
  const given = header.replace(/^W\//, '').replace(/"/g, '').trim();
  return /^\d+$/.test(given) ? Number(given) : null;
}
