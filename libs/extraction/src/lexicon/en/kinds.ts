// Head nouns that say what kind of source a description is. A person is the default
// for a singular head that is none of these ("the lanky professor", "the 22-year-old goalie").

function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

// Writings and recordings: "the report said", "her statement said". Their author speaks.
export const DOCUMENT_NOUNS =
  wordSet(`statement report study letter release memo memorandum filing ruling decision
complaint lawsuit suit email e-mail post tweet website site survey poll document analysis paper review audit notice
order judgment judgement affidavit indictment transcript video ad advertisement book article editorial column blog
message note text petition motion brief proposal plan bill law policy guideline guidelines update announcement
report's summary warning advisory assessment investigation inquiry probe chart graphic caption sign placard`);

// Organisations named by a common noun: "the company said", "the utility said".
export const ORGANISATION_NOUNS =
  wordSet(`company firm utility agency department ministry government commission committee
council board union party campaign police office organization organisation group team club league bank university
school college hospital court city province state county district airline network station newspaper association
coalition institute foundation charity service authority corporation administration embassy regulator watchdog
army military legislature parliament senate house assembly church manufacturer retailer maker chain operator
provider insurer lender broadcaster publisher studio label developer startup business store restaurant clinic
centre center nonprofit non-profit society federation alliance movement network outlet paper magazine site
website platform app prosecution defence defense secretariat cabinet caucus`);

// Participles between a document and "by"/"from" that keep the named one its author:
// "a statement e-mailed to The Globe by X". Others do not ("an email obtained by X").
export const AUTHORSHIP_PARTICIPLES =
  wordSet(`written issued released sent e-mailed emailed mailed signed published posted authored
prepared drafted filed delivered read tweeted`);
