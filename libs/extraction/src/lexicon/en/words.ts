// Small closed-class word lists used by the phrase parsers.

function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

export const PRONOUNS: Record<string, 'm' | 'f' | 'p' | 'n' | 'i'> = Object.assign(
  Object.create(null) as Record<string, 'm' | 'f' | 'p' | 'n' | 'i'>,
  {
    he: 'm',
    she: 'f',
    they: 'p',
    we: 'p',
    i: 'i',
    it: 'n',
  },
);

export const DETERMINERS =
  wordSet(`a an the another one two three four five several some many most his her their its our
my your both other those these this that each every any no few numerous multiple`);

// Between the subject and its speech verb: "Trump has also said", "he later told".
export const AUXILIARIES =
  wordSet(`has have had also later then previously recently once would will did does do had
reportedly repeatedly often frequently publicly privately flatly simply again already even never has long
earlier further separately subsequently quickly immediately initially originally ultimately finally yesterday today
tonight still famously bluntly angrily quietly first just may might could should can must is was
were are been being not n't always indeed mostly openly specifically explicitly directly sarcastically jokingly
emphatically loudly softly proudly monday tuesday wednesday thursday friday saturday sunday`);

// Capitalised words that start sentences but never start names.
export const CAPITALISED_STOPWORDS =
  wordSet(`the a an but and or nor in on at for with by from to of as if when while after
before since because although though however yet so then this that these those it its he she they we i you his her
their our my your what who whom why how where which there here also still even meanwhile now last next earlier later
asked speaking both many some most all each every no not yes instead indeed just only perhaps maybe thus therefore
despite during until unless among between against about above below under over through into onto upon without within
like unlike according whether either neither once again another other such than too very already rather nearly
almost sometimes often never always ever let please dear hey oh well so-called following recently today tonight
yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec update editor
note read photo video related see more follow sign said says likewise additionally moreover furthermore
similarly nonetheless nevertheless ultimately finally otherwise overall specifically notably separately first second
third wait anyway besides regardless initially eventually currently apparently clearly obviously certainly surely
alongside appearing back yes no sure okay ok thanks`);

// Between the capitalised pieces of one name: "Human Rights in China", "Sandra Day O’Connor".
export const NAME_CONNECTORS = wordSet(
  `of for the in on de del della der van von bin al la le du da di dos das y`,
);

// A name right after one of these is an object, not the subject of its sentence.
export const PREPOSITIONS =
  wordSet(`on in at of for with from to by about into onto over under after before during through
against toward towards among between without within behind beside besides like unlike despite upon via per than`);

// Lower-case particles inside a person's name: "Ben van der Pluijm", "Vincent de Paul".
export const NAME_PARTICLES = wordSet(
  `van von der den de del della da di du dos das la le bin ibn al ter ten`,
);

// Words that open a subordinate clause: a report inside one is background ("…, after de Blasio
// stated an interest …").
export const SUBORDINATORS = wordSet(
  `after before when while as because since if although though until once`,
);

export const MONTHS = wordSet(`january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec`);

// Capitalised stop words that are never a surname, even after a given name: conjunctions,
// prepositions, linking adverbs, days and other dates, verbs of being and saying.
export const NEVER_SURNAMES =
  wordSet(`but and or nor if when while after before since because although though however yet so then
than as at by for from in into of on onto to with without within about above below under over
through upon during until unless among between against like unlike despite according whether
either neither once again instead indeed just only perhaps maybe thus therefore meanwhile now
also still even too very rather nearly almost not no yes monday tuesday wednesday thursday friday
saturday sunday today tonight yesterday tomorrow said says will would could should can
must is was were are has have had did does do been being`);

// "Trump's comments", "her remarks": what follows one of these is owned, so a noun.
export const POSSESSIVE_DETERMINERS = wordSet(`his her its their our my your`);

// "Cruz himself said": an intensifying reflexive between a subject and its verb.
export const INTENSIFIERS = wordSet(`himself herself itself themselves`);

// Whom a reporting verb may address before the quote it introduces: 'telling her, "…"'.
export const LISTENERS = wordSet(`her him them me us reporters supporters`);
