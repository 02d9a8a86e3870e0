// Words that make up titles and roles ("Assistant Secretary of State", "press
// secretary", "spokesman"), so they are not taken for parts of a name.

function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

// Titles of address, not of office: after one, a single word is a surname ("Ms. White").
export const COURTESY_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

// Personal titles written before a name, often abbreviated.
export const HONORIFICS: Record<string, 'm' | 'f' | null> = Object.assign(
  Object.create(null) as Record<string, 'm' | 'f' | null>,
  {
    mr: 'm',
    mrs: 'f',
    ms: 'f',
    miss: 'f',
    sir: 'm',
    dame: 'f',
    lord: 'm',
    lady: 'f',
    dr: null,
    prof: null,
    sen: null,
    rep: null,
    gov: null,
    gen: null,
    lt: null,
    col: null,
    capt: null,
    sgt: null,
    adm: null,
    cmdr: null,
    rev: null,
    fr: null,
    hon: null,
    pres: null,
    supt: null,
    det: null,
    maj: null,
    cpl: null,
    pvt: null,
    amb: null,
    del: null,
    atty: null,
    asst: null,
    dep: null,
    brig: null,
    msgr: null,
    sec: null,
    treas: null,
    cong: null,
  },
);

// Role head nouns: they name an office or job.
export const ROLE_NOUNS =
  wordSet(`president president-elect vice-president secretary spokesman spokeswoman spokesperson
senator congressman congresswoman representative governor mayor judge justice chief general minister premier
chancellor chairman chairwoman chair chairperson director ambassador attorney commissioner sheriff officer pope king
queen prince princess speaker leader whip manager strategist adviser advisor aide consultant pollster analyst
economist professor lawyer counsel candidate nominee founder co-founder executive ceo cfo coo cto head deputy
assistant member councilman councilwoman councilor councillor delegate envoy diplomat official officials
spokespeople administrator superintendent treasurer comptroller auditor clerk anchor host moderator correspondent
reporter editor columnist commentator writer author publisher historian scientist researcher scholar fellow expert
activist organizer organiser volunteer donor surrogate lobbyist partner owner investor founder physician doctor
surgeon nurse teacher student pastor minister priest rabbi imam bishop cardinal archbishop captain colonel major
lieutenant sergeant commander admiral marshal detective agent inspector prosecutor lawmaker legislator politician
businessman businesswoman billionaire mogul magnate entrepreneur actor actress singer rapper comedian star athlete
coach player ceo chairman-elect secretary-general director-general undersecretary under-secretary vice premier
pundit blogger narrator voter resident supporter critic opponent rival friend wife husband son daughter mother
father brother sister cousin uncle aunt grandson granddaughter neighbor official source sources ally allies backer
backers confidant confidante constituent employee employees staffer staffers aide aides worker workers fan fans
veteran veterans insider insiders operative operatives adviser advisers advisors organizers protester protesters
demonstrator demonstrators leaders members voters residents supporters critics opponents analysts experts
economists lawyers attorneys judges lawmakers legislators senators representatives governors mayors candidates`);

// Words that qualify a role ("former", "deputy", "press", "campaign").
export const ROLE_MODIFIERS =
  wordSet(`former acting interim deputy assistant associate senior junior chief principal
executive managing general special national international foreign domestic press campaign communications political
policy legal economic military state federal senate house white republican democratic democrat gop vice first lead
top longtime long-time veteran then-president then prime under prime-minister majority minority ranking retired
outgoing incoming presumptive presidential vice-presidential gubernatorial congressional regional district county
city local police fire party national security defense foreign affairs homeland health education justice treasury
commerce labor energy interior transportation agriculture veterans human rights development trade intelligence
staff joint chiefs`);

// Capitalised title words written straight before a name: "President", "Sen.", "Assistant Secretary of State".
export const TITLE_WORDS =
  wordSet(`president president-elect vice secretary assistant deputy under undersecretary senator
sen representative rep congressman congresswoman governor gov mayor judge justice chief general gen lieutenant lt
colonel col admiral adm major maj captain capt sergeant sgt commander cmdr dr mr mrs ms miss prof professor minister
prime foreign chairman chairwoman chair director speaker leader ambassador attorney commissioner sheriff pope king
queen prince princess sir dame lord lady rev reverend father sister pastor rabbi imam bishop cardinal archbishop
councilman councilwoman chancellor premier spokesman spokeswoman press treasurer dean coach detective agent officer
former acting interim state defense treasury justice commerce homeland security affairs rights human international
organizations development trade energy interior labor education health transportation agriculture veterans
intelligence national council staff joint chiefs majority minority whip house senate republican democratic
democrat gop first lady emperor empress sheikh ayatollah crown supreme federal district circuit court
congressional committee chairman-elect secretary-general director-general managing executive general-secretary
mayor-elect governor-elect presidential nominee candidate presumptive hon honorable pres amb supt det`);

// Words that mark a capitalised run as an organisation, not a person.
export const ORG_WORDS =
  wordSet(`department ministry committee convention house university party court campaign institute center
centre times post news agency council association foundation union bank company corp corporation inc llc ltd group
office embassy administration senate congress network journal church school college commission service bureau
organization organisation board fund project alliance coalition society federation caucus club watch institution
tribune herald magazine review daily television radio tv government police army navy force forces museum hospital
airlines motors industries holdings partners associates trust pac authority assembly parliament cabinet secretariat
republicans democrats network channel studio studios press guardian telegraph gazette examiner observer chronicle
insider politico breitbart reuters bloomberg cnn msnbc nbc abc cbs fox pbs npr bbc ap afp twitter facebook google
youtube instagram apple microsoft amazon initiative program programme council league conference summit forum
unit division command academy laboratory lab clinic network exchange market markets fbi cia nsa irs pentagon
kremlin whitehouse webpage website site blog page poll survey report statement letter ad ads commercial book film
show program series documentary act amendment services resorts resort consultants consulting electronics theater
theatre cup systems technologies technology airways pharmaceuticals pharma entertainment media communications
solutions enterprises ventures capital investments properties foods brewery brewing hydro railway railways
inc. co ltd. plc gmbh ag sa llp award awards prize trophy medal`);
