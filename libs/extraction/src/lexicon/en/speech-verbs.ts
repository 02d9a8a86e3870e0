// Verbs that report speech or writing, by form. Finite forms take a subject
// ("Posner said"); participles hang off the subject of their clause ("…, saying").

const FINITE = `said says say told tells added adds asked asks wrote writes tweeted tweets explained explains continued
continues noted notes argued argues stated states declared declares insisted insists claimed claims warned
warns replied replies responded responds recalled recalls acknowledged acknowledges admitted admits announced
announces observed observes remarked remarks suggested suggests complained complains joked jokes quipped quips
countered counters conceded concedes predicted predicts urged urges cautioned cautions emphasized emphasizes
emphasised stressed stresses shouted shouts yelled yells screamed screams chanted chants posted posts mused
muses boasted boasts vowed vows promised promises charged charges alleged alleges contended contends
maintained maintains reiterated reiterates concluded concludes called calls described describes reported
reports exclaimed exclaims whispered pleaded begged demanded demands proclaimed proclaims affirmed affirms
confirmed confirms denied denies agreed agrees commented comments testified testifies texted emailed e-mailed
blasted blasts slammed slams scoffed scoffs snapped retorted retorts interjected offered offers opined opines
lamented laments mocked mocks labeled labels labelled dubbed dubs termed terms branded brands praised praises
hailed hails touted touts decried decries derided derides criticized criticizes criticised accused accuses
asserted asserts exhorted exhorts started starts marveled marvels wondered wonders thundered bellowed
recounted recounts pledged pledges assured assures informed reminded reminds reassured advised advises
summarized summarizes explained messaged responded reasoned reasons counseled cried cries sang sings read
reads began begins echoed echoes griped gripes grumbled grumbles fumed fumes raged rages teased teases taunted
taunts wrote tweeted recalled insisted predicted hinted hints implored implores confided confides answered
answers stated sniped snipes rapped raps lectured lectures questioned questions remembered remembers beamed
gushed cracked blurted stammered murmured muttered barked growled
hissed roared ventured volunteered elaborated clarified objected protested pressed queried inquired persisted
recollected summarized surmised speculated theorized postulated
scolded scolds sniffed sniffs stuttered stutters crowed crows chided chides deadpanned huffed sighed sighs cooed gasped snorted scribbled
reacted exhorted`;

// Base forms double as nouns ("in reply", "a note"): a cue only after a subject or an auxiliary.
const BASE = `call tell add ask write note argue claim warn insist describe explain declare predict urge complain recall
respond reply tweet post suggest acknowledge admit announce contend maintain stress emphasize chant shout yell
label dub praise blast criticize accuse assert deny agree boast vow promise testify`;

const PARTICIPLES = `saying telling adding writing tweeting asking noting arguing explaining calling describing declaring
insisting warning claiming stating urging complaining joking vowing promising suggesting predicting acknowledging
admitting recalling referring labeling labelling branding dubbing praising blasting mocking decrying answering
replying responding remarking proclaiming announcing lamenting boasting pledging asserting quipping chanting
shouting yelling screaming reiterating concluding contending maintaining echoing accusing criticizing
repeating chanting whispering muttering scolding`;

// Past participles that report speech after "was/were/been": "was quoted as saying", "were told".
const PASSIVE_MARKERS = new Set(['quoted', 'heard']);

function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

export const FINITE_SPEECH_VERBS = wordSet(FINITE);
export const BASE_SPEECH_VERBS = wordSet(BASE);
export const SPEECH_PARTICIPLES = wordSet(PARTICIPLES);

// Verbs that need a following word to report speech ("went on", "pointed out").
export const PARTICLE_VERBS: Record<string, string> = Object.assign(
  Object.create(null) as Record<string, string>,
  {
    put: 'it',
    puts: 'it',
    went: 'on',
    goes: 'on',
    pointed: 'out',
    points: 'out',
    chimed: 'in',
    chimes: 'in',
    shot: 'back',
    fired: 'back',
    rhymed: 'off',
    rattled: 'off',
    spelled: 'out',
    summed: 'up',
  },
);

// Too common outside speech to count without a quote right next to them.
export const WEAK_VERBS = new Set([
  'put',
  'puts',
  'call',
  'describe',
  'label',
  'dub',
  'praise',
  'blast',
  'criticize',
  'accuse',
  'deny',
  'agree',
  'promise',
  'read',
  'reads',
  'began',
  'begins',
  'offered',
  'offers',
  'called',
  'calls',
  'described',
  'describes',
  'went',
  'goes',
  'shot',
  'fired',
  'cries',
  'cried',
  'points',
  'pointed',
  'worried',
  'worries',
  'reported',
  'reports',
  'sang',
  'sings',
  'labeled',
  'labels',
  'dubbed',
  'dubs',
  'termed',
  'terms',
  'branded',
  'brands',
  'charged',
  'charges',
  'accused',
  'accuses',
  'mocked',
  'mocks',
  'praised',
  'praises',
  'hailed',
  'hails',
  'touted',
  'touts',
  'criticized',
  'criticizes',
  'criticised',
  'informed',
  'confirmed',
  'confirms',
  'denied',
  'denies',
  'agreed',
  'agrees',
  'states',
  'answers',
  'answered',
  'echoes',
  'echoed',
  'read',
]);

// Verbs that can come before their subject: "“…,” said Posner". Not "told"
// or "urged": what follows them is the listener.
export const INVERTIBLE_VERBS = new Set(
  `said says added adds asked asks wrote writes continued continues explained explains
noted notes recalled recalls replied replies responded responds insisted insists argued argues declared declares
concluded concludes quipped quips joked jokes observed observes remarked remarks exclaimed exhorted warned warns
cautioned countered counters offered conceded concedes predicted predicts acknowledged acknowledges admitted admits
stated states announced announces suggested suggests complained complains tweeted tweets posted posts recounted
whispered shouted yelled screamed added mused muses boasted boasts wondered wonders echoed echoes reasoned reasons
pleaded begged demanded proclaimed affirmed chimed interjected retorted snapped scoffed opined lamented laments
marveled marvels thundered bellowed reiterated reiterates questioned remembered beamed gushed cracked 
 blurted murmured muttered barked growled ventured volunteered elaborated clarified objected protested
pressed queried inquired persisted agreed agrees concurred
scolded scolds sniffed sniffs stuttered stutters crowed crows chided chides deadpanned huffed sighed sighs cooed gasped snorted scribbled
reacted`.split(/\s+/),
);

export function isInvertible(lower: string): boolean {
  return INVERTIBLE_VERBS.has(lower);
}

export function isSpeechVerb(lower: string): boolean {
  return FINITE_SPEECH_VERBS.has(lower) || BASE_SPEECH_VERBS.has(lower);
}

// "went on", "pointed out", "put it": speech only with their particle.
export function isParticleCue(lower: string, next: string | undefined): boolean {
  return PARTICLE_VERBS[lower] !== undefined && PARTICLE_VERBS[lower] === next;
}

export function isSpeechParticiple(lower: string): boolean {
  return SPEECH_PARTICIPLES.has(lower);
}

export function isPassiveMarker(lower: string): boolean {
  return PASSIVE_MARKERS.has(lower);
}

// Nouns of what someone said: "“…” was the response of one jolly viewer".
export const SPEECH_NOUNS = new Set(
  `response reply reaction answer verdict message comment comments words word retort remark
remarks refrain question warning advice`
    .split(/\s+/)
    .filter(Boolean),
);
