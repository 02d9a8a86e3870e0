// A question speakers asks and the claims lib answers: how a speaker's claims were judged, and
// whether any claim still names them. Speakers owns the port; claims provides it.
export const SPEAKER_CLAIMS = Symbol('SpeakerClaimsPort');

export interface SpeakerClaimsPort {
  // Claims by status (verified, disputed, false, misleading, unverifiable, unreviewed).
  verdictCounts(speakerId: string): Promise<Record<string, number>>;
  claimCount(speakerId: string): Promise<number>;
}
