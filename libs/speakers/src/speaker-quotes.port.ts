// A question speakers asks and the quotes lib answers: the quote side of a profile (counts,
// recent quotes). Speakers owns the port, so the dependency arrow still points from quotes to
// speakers.
export const SPEAKER_QUOTES = Symbol('SpeakerQuotesPort');

export interface SpeakerQuotesPort {
  profileQuotes(speakerId: string): Promise<Record<string, unknown>>;
}
