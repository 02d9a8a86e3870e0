// A question speakers asks and the quotes lib answers: the quote side of a profile (counts,
// recent quotes). Speakers owns the port, so the dependency arrow still points from quotes to
// speakers.
export const SPEAKER_QUOTES = Symbol('SpeakerQuotesPort');

export interface SpeakerQuotesPort {
  profileQuotes(speakerId: string): Promise<Record<string, unknown>>;
  // Quotes attributed to the speaker (a speaker with none may be deleted).
  quoteCount(speakerId: string): Promise<number>;
}
