import { extract } from '../src';

// Whole-engine rows: text, the quote's first words, the speaker expected (null: nobody
// named) and, where it matters, the speaker's kind.
function speakerOf(
  text: string,
  quoteStart: string,
): { speaker: string | null; kind: string | null } {
  const q = extract(text).quotes.find((x) => x.text.startsWith(quoteStart));
  if (!q) throw new Error(`no quote starting ${quoteStart}`);
  return { speaker: q.speaker, kind: q.speakerKind };
}

describe('"it said": the organisation that is the subject of the latest report', () => {
  it.each([
    [
      'Northwind Energy Corp. said in a statement that 6,000 customers lost power.\n\n"Crews will work around the clock," it said.',
      'Crews',
      'Northwind Energy Corp',
    ],
    // a person reports in between: "it" is something else
    [
      'Northwind Energy Corp. said 6,000 customers lost power. Mayor Ann Cole said the town was ready.\n\n"The storm was unusual," it said.',
      'The storm',
      null,
    ],
    // "the utility" takes up the same organisation again
    [
      'Northwind Energy Corp. said 6,000 customers lost power. More crews will come, the utility said.\n\n"Poles are down," it said.',
      'Poles',
      'Northwind Energy Corp',
    ],
  ])('%s', (text, quote, speaker) => {
    const got = speakerOf(text, quote);
    expect(got.speaker).toBe(speaker);
    if (speaker) expect(got.kind).toBe('organisation');
  });
});

describe('pronouns pass over headings and page furniture', () => {
  it('a line without sentence punctuation introduces no one', () => {
    const text =
      'Stephen Gillis said the video is nice.\n\nGillis chalked his symptoms up to dehydration.\n\nStory continues below advertisement\n\n“They let me know that my blood was vinegar,” he said.';
    expect(speakerOf(text, 'They let').speaker).toBe('Stephen Gillis');
  });
});

describe('a pronoun takes up an unknown name that is the subject before it', () => {
  it.each([
    // a lone name inside its sentence, never given in full
    [
      'When asked what is harder, being on the mound or on the course, Mulder didn’t hesitate.\n\n“It’s this for sure,” he said.',
      'It’s this',
      'Mulder',
    ],
    // a full name with no other evidence of a person
    [
      'Mamadou Dia was on a business trip when he ended up in a room with guests.\n\n"They told us by text to wait," he said.',
      'They told',
      'Mamadou Dia',
    ],
    // a sentence capitalises its first word: a common word is no name, and nobody older is guessed
    [
      'Mayor Ann Cole spoke first. Audiences cheered when the senator arrived.\n\n"It was great," he said.',
      'It was great',
      null,
    ],
    // "in Clarkston": a place
    [
      'Refugees come to Clarkston every year. Clarkston welcomed 3,000 last year.\n\n"We get about 3,000 a year," he said.',
      'We get',
      null,
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('joined speakers: "X and Y said" is both, as one group speaker', () => {
  it.each([
    [
      'When terrorists strike, Barack Obama and Hillary Clinton met. Obama and Clinton call them "lone wolves" and move on.',
      'lone wolves',
      'Barack Obama and Hillary Clinton',
    ],
    [
      '"We can only wonder," state Senate leader Phil Berger and House Speaker Tim Moore, both Republicans, said.',
      'We can only',
      'Phil Berger and Tim Moore',
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote)).toEqual({ speaker, kind: 'group' });
  });

  it('an organisation with "and" in its name stays one organisation', () => {
    const text =
      'The Science and Technology Directorate of the Department of Homeland Security said the methods were "not suited" to the task.';
    expect(speakerOf(text, 'not suited').speaker).not.toMatch(/ and /);
  });
});

describe('a name owned by a possessive is no subject', () => {
  it('"on Nova Scotia\'s South Shore" does not speak', () => {
    const text =
      'Martell, the addictions doctor on Nova Scotia\'s South Shore, is more blunt: "They are going to uncover things."';
    expect(speakerOf(text, 'They are').speaker).not.toBe('South Shore');
  });
});

describe('an organisation named with "the" keeps its article', () => {
  it.each([
    [
      'The U.S. State Department called for their release.\n\n“We share Canada’s commitment,” the agency said in a statement.',
      'We share',
      'the U.S. State Department',
    ],
    ['“We will look into it,” BC Hydro said.', 'We will', 'BC Hydro'],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote)).toEqual({ speaker, kind: 'organisation' });
  });
});

describe('a document speaks for its author', () => {
  it.each([
    ['A statement from the EU said, “the motive raises concerns.”', 'the motive', 'the EU'],
    [
      'A June 2017 study by the Senate National Finance Committee said it was “troubled by the fact” that no one reports.',
      'troubled',
      'the Senate National Finance Committee',
    ],
    ['The RCMP statement said that "the level of trust will grow."', 'the level', 'RCMP'],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote)).toEqual({ speaker, kind: 'organisation' });
  });
});

describe('a description with adjectives in a series re-describes someone named before', () => {
  it('"the lanky, bespectacled professor" is the professor named before', () => {
    const text =
      'Guenther Schuh runs the plant. Schuh is aware that he’s entering uncharted waters.\n\n“I don’t know any carmaker that makes money,” the lanky, bespectacled professor said.';
    expect(speakerOf(text, 'I don’t').speaker).toBe('Guenther Schuh');
  });
});

describe('the subject after a fronted adverbial', () => {
  it.each([
    [
      'Donald Trump and Hillary Clinton spoke. During a speech earlier in the day, Trump attacked Clinton for her record, saying, "She\'s trigger-happy."',
      'She',
      'Donald Trump',
    ],
    [
      'In Portsmouth, N.H., on Tuesday, Senator Bernie Sanders of Vermont endorsed Mrs. Clinton, saying that she was "the best candidate."',
      'the best',
      'Bernie Sanders',
    ],
    // a participle right after a known person's name hangs off that name
    [
      'Donald Trump debated Hillary Clinton. The spot shows footage of Trump saying during the debate, “That makes me smart,” when Clinton blasted him.',
      'That makes',
      'Donald Trump',
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });

  it('a progressive has its own subject: "what some are criticizing as"', () => {
    const text =
      'On Thursday, the presumptive nominee brought the “usuals” with her in what some are criticizing as a photo op.';
    expect(extract(text).quotes).toEqual([]);
  });

  it('a document obtained by someone is not theirs', () => {
    const text =
      'A previously undisclosed email obtained by Citizens United shows the name of a man described as one of the “most successful businessmen” there.';
    expect(extract(text).quotes.every((q) => q.speaker !== 'Citizens United')).toBe(true);
  });
});

describe('quoted words that end a sentence take no cue from the next sentence', () => {
  it('the next sentence is a new report', () => {
    const text =
      'South Korea accused the North\'s leader, Kim Jong Un, of "fanatic recklessness." South Korean President Park Geun-hye said Kim\'s mental state is "spiraling out of control."';
    expect(speakerOf(text, 'fanatic').speaker).not.toBe('Park Geun-hye');
    expect(speakerOf(text, 'spiraling').speaker).toBe('Park Geun-hye');
  });
});

describe('names with lower-case particles', () => {
  it.each([
    [
      'Sutopo Purwo Nugroho spoke. Ben van der Pluijm, a geologist at the University of Michigan, said a slope may have collapsed.\n\n“Instability of the slope can create a rock slide,” he said.',
      'Instability',
      'Ben van der Pluijm',
    ],
    [
      'The Al-Qaeda-linked al-Shabaab claimed the attack. In its statement, al-Shabaab said: "This operation was a response."',
      'This operation',
      'al-Shabaab',
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('the subject of a passive is described, not speaking', () => {
  it('"He was also described as “…”" names nobody', () => {
    const text =
      'William Shrubsall was convicted. He was also described as "lacking a conscience."';
    expect(speakerOf(text, 'lacking').speaker).toBeNull();
  });

  it('"quoted as saying" still names the speaker', () => {
    expect(speakerOf('“Go,” Braynard is quoted as saying.', 'Go').speaker).toBe('Braynard');
  });
});

describe('"they said" after a joined report is the same pair', () => {
  it.each([
    [
      'In a statement, the owners Tore Sohlberg and Lehla Abreder said they respected the vote.\n\n"Our priority is a healthy workplace," they said.',
      'Our priority',
      'Tore Sohlberg and Lehla Abreder',
    ],
    // anyone else reporting in between: "they" is not resolved
    [
      'Tore Sohlberg and Lehla Abreder said they respected the vote. The union said the vote was fair.\n\n"We will talk," they said.',
      'We will',
      null,
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('paragraph-topic: a first-person quote paragraph after a paragraph about one person', () => {
  it.each([
    [
      'Stephen Gillis coaches a hockey team.\n\nAt 25 years old, Gillis was diagnosed with Crohn’s disease, an inflammatory bowel disease.\n\n“My condition is getting worse but I don’t feel too bad.”',
      'My condition',
      'Stephen Gillis',
    ],
    // two people are the subjects there: nobody
    [
      'Carole Laurin lost her job. Patrice Lindsay lost hers too.\n\n“It took me two years to grieve.”',
      'It took',
      null,
    ],
    // not in the first person: nobody
    ['Carole Laurin lost her job.\n\n“The loss was tremendous.”', 'The loss', null],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('subjects over objects', () => {
  it.each([
    // a time adverbial between subject and verb
    [
      'Calgary MP Michelle Rempel earlier this week called Immigration Minister Ahmed Hussen a “chicken” on Twitter.',
      'chicken',
      'Michelle Rempel',
    ],
    // a verb coordinated after "and …," shares the subject
    [
      'Demi apologized to her face and then, behind her back, sniffed that “there’s no advantage to being older here.”',
      'there’s no',
      'Demi',
    ],
    // "he" is the subject of the sentence before, not the object of its verb
    [
      'Andrew Scheer spoke. Mayor Ann Cole called Ahmed Hussen a coward on Monday, and Scheer agreed with her.\n\n“It was fair,” he said.',
      'It was fair',
      'Andrew Scheer',
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('short names in subject position', () => {
  it.each([
    [
      '“The rationales don’t hold weight,” said 9/11 widow Terry Strada.',
      'The rationales',
      'Terry Strada',
    ],
    [
      'Howard Dean apologized later. Dean, a former party chairman, poked at Trump during the debate, tweeting, “Notice Trump sniffing all the time.”',
      'Notice',
      'Howard Dean',
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('adverbs and relative clauses around the cue', () => {
  it('"X, the chief executive, forcefully told a woman who suggested that … that “…”"', () => {
    const text =
      'In a panel discussion, Marc H. Morial, the chief executive of the National Urban League, forcefully told a young woman who suggested that people may not vote that "this is not the first generation to be frustrated."';
    expect(speakerOf(text, 'this is not').speaker).toBe('Marc H. Morial');
  });

  it('"he was formally called to" is passive: the report before it speaks', () => {
    const text =
      '"Subpoenas are not optional," Rep. Jason Chaffetz said after Bryan Pagliano failed to show up at the hearing he was formally called to. "He is a crucial witness."';
    expect(speakerOf(text, 'He is a crucial').speaker).toBe('Jason Chaffetz');
  });
});

describe('a label "… from NAME:" gives the words to NAME', () => {
  it('"A lesson from Loretta Lynch: ‘…’"', () => {
    const text =
      "A lesson from Loretta Lynch: 'Be the voice that people hear.'\n\nAs a summer associate, Loretta E. Lynch said she gave a presentation.";
    expect(speakerOf(text, 'Be the voice').speaker).toBe('Loretta Lynch');
  });
});

describe('labels and participles', () => {
  it('"More from Blumenthal and Cohen: “…”" is both of them', () => {
    const text =
      'Signs of momentum were there all along -More from Blumenthal and Cohen: “Data collected by our firm helps.”';
    expect(speakerOf(text, 'Data collected')).toEqual({
      speaker: 'Blumenthal and Cohen',
      kind: 'group',
    });
  });

  it('"with Trump reportedly yelling: “…”" is Trump', () => {
    const text =
      'Donald Trump held a rally. Supporters kicked a Black Lives Matter protester, with Trump reportedly yelling: “Get him out of here!”';
    expect(speakerOf(text, 'Get him').speaker).toBe('Donald Trump');
  });
});

describe('a sentence adverb before the fronted adverbial', () => {
  it('"Still, even with her pension, Laurin experienced …" is about Laurin', () => {
    const text =
      'Carole Laurin lost her job.\n\nStill, even with her pension, Laurin experienced a 40 per cent drop in income. And there was also the psychological blow.\n\n"It took me two years to grieve."';
    expect(speakerOf(text, 'It took').speaker).toBe('Carole Laurin');
  });
});

describe('"the company said" takes up the organisation of the latest report', () => {
  it.each([
    [
      'Apple revoked the certificates of Facebook. Google said Thursday that Apple has also revoked its certificate.\n\nBut the company seemed confident. "We are working with Apple to fix it," the company said in a statement.',
      'We are working',
      'Google',
    ],
    // a person reporting in between: not resolved this way
    [
      'Google said Thursday that Apple revoked its certificate. Marty Puranik said developers lost access.\n\n"We are working on it," the company said.',
      'We are working',
      null,
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('a chain of "it said" and "the utility said" keeps its organisation', () => {
  it('each link renews the reach', () => {
    const text = [
      'Northwind Energy Corp. said 6,000 customers lost power.',
      'It was the worst storm in years. Trees fell everywhere.',
      '"Roads are closed," it said.',
      '"Poles are down."',
      'Crews will work around the clock, the utility said.',
      '"There are hundreds of outages," it said.',
    ].join('\n\n');
    expect(speakerOf(text, 'There are').speaker).toBe('Northwind Energy Corp');
  });
});

describe('a person after "for" is another person, not a complement', () => {
  it('"the Memphis Grizzlies for Jonas Valanciunas" names Jonas Valanciunas', () => {
    const text =
      'The Raptors acquired Marc Gasol from the Memphis Grizzlies for Jonas Valanciunas, C.J. Miles and Delon Wright.\n\nValanciunas told reporters on Thursday: "I am really excited."';
    expect(speakerOf(text, 'I am really').speaker).toBe('Jonas Valanciunas');
  });
});

describe('a relative clause makes its head the topic', () => {
  it('"the 39-year-old founder of …" is the person a relative clause was about', () => {
    const text =
      'Ricardo Montalban starred in films.\n\nI’m talking about Alfonso Espinos, who like Montalban was born in Mexico and moved north. “We dedicate ourselves to local creators,” says the 39-year-old founder of Studiocomix Press.';
    expect(speakerOf(text, 'We dedicate').speaker).toBe('Alfonso Espinos');
  });
});

describe("an abbreviation's possessive owns the name after it", () => {
  it('"at L.A.’s Regent Theater" is no speaker; the joined subject is', () => {
    const text =
      'So how about we have spouses Nick Offerman and Megan Mullally greet the ladies at L.A.’s Regent Theater and tell stories about the first time Megan “f--ked someone”?';
    expect(speakerOf(text, 'f--ked').speaker).toBe('Nick Offerman and Megan Mullally');
  });
});

describe('a colon that ends a subordinate clause', () => {
  it('"… when Musk again took to Twitter with this: “…”" is Musk', () => {
    const text =
      'Elon Musk runs Tesla. Larry Ellison joined the board.\n\nThe board’s inaction was on display in mid-December when Musk again took to Twitter with this: “Chairman is an honorific.”';
    expect(speakerOf(text, 'Chairman').speaker).toBe('Elon Musk');
  });
});

describe('a noun of speech names the speaker after "of"', () => {
  it('"“…” was the response of one jolly viewer" keeps the viewer, names nobody else', () => {
    const text =
      'Tesla posted a video. “The best sleigh this Christmas!” was the response of one jolly viewer. The spot says much.';
    const q = extract(text).quotes[0];
    expect(q.speaker).toBeNull();
    expect(q.speakerDescription).toBe('one jolly viewer');
  });
});

describe('an authorship participle that is also a speech verb', () => {
  it('"A statement e-mailed to The Globe by Reagan Ruslim, who …, said “…”"', () => {
    const text =
      'A statement e-mailed to The Globe by Reagan Ruslim, who joined the board last month, said “JAZZ.FM91 will respect the order of the Court.”';
    expect(speakerOf(text, 'JAZZ').speaker).toBe('Reagan Ruslim');
  });
});

describe('a noun of speech owned by a pronoun reports like a verb', () => {
  it('"Her message now is simple: … ¶ “…”" is hers', () => {
    const text =
      'Wendy Golden now lives in Amherst. She used to keep a shrine to her son.\n\nHer message now is simple: don’t share or sell prescriptions.\n\n"You don’t know what that person took earlier."';
    expect(speakerOf(text, 'You don’t know').speaker).toBe('Wendy Golden');
  });
});

describe('a gerund that opens the sentence is no given name', () => {
  it('"Telling Jeb Bush …" names Jeb Bush', () => {
    const text = 'Telling Jeb Bush to wait was a mistake.\n\n"I am pro-life," Bush said.';
    expect(speakerOf(text, 'I am pro-life').speaker).toBe('Jeb Bush');
  });
});

describe('an uncued quote paragraph continues the speaker across narration that names no one', () => {
  it.each([
    [
      '"Work matters most," said lead author Dr. Lena Park. "It is a real outcome."\n\nThe fallout from a stroke was the largest, with a 31 per cent drop in earnings.\n\n"And if you looked at the earnings, it was a third."',
      'And if you',
      'Lena Park',
    ],
    // the narration brings in someone else: nobody is named
    [
      '"Work matters most," said lead author Dr. Lena Park.\n\nTom Reyes, a patient, lost his job after the stroke.\n\n"And if you looked at the earnings, it was a third."',
      'And if you',
      null,
    ],
    // two paragraphs of narration: too far
    [
      '"Work matters most," said lead author Dr. Lena Park.\n\nThe fallout was the largest.\n\nEarnings fell by a third.\n\n"And if you looked at the earnings, it was a third."',
      'And if you',
      null,
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('a pull-quote credit to the running speaker does not break the passage', () => {
  it.each([
    [
      '"It is no safer," Caroline Wojtaszek said.\n\nHe has a long record of violence. District Attorney Caroline Wojtaszek\n\n"We are confined by the sentencing structure."',
      'We are confined',
      'Caroline Wojtaszek',
    ],
    // a credit to someone else is no bridge
    [
      '"It is no safer," Caroline Wojtaszek said.\n\nHe has a long record of violence. Defence lawyer Tom Reyes\n\n"We are confined by the sentencing structure."',
      'We are confined',
      null,
    ],
    // a name that ends a sentence is narration, not a credit
    [
      '"It is no safer," Caroline Wojtaszek said.\n\nThe case went to Caroline Wojtaszek.\n\n"We are confined by the sentencing structure."',
      'We are confined',
      null,
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('a surname that is also a common word', () => {
  it.each([
    // after a courtesy title, a place or people word is a surname
    ['She said it.\n\n"People turn to Facebook," Ms. White said.', 'People turn', 'White'],
    ['"He is one of us," Mr. English said of the senator.', 'He is one', 'English'],
    // after a given name, a month, a verb or an interjection is a surname
    ['"We will leave," said Theresa May.', 'We will leave', 'Theresa May'],
    [
      'Pfizer chief executive Ian Read defended the deal.\n\n"It is a great deal," Read said.',
      'It is a great',
      'Ian Read',
    ],
    [
      'Prime Minister Theresa May spoke on Monday.\n\n"We will leave," May said.\n\nMay said she would go. "Now," she said.',
      'Now',
      'Theresa May',
    ],
    // a given name the lexicon does not know, after a role word
    [
      '"Many of his ideas are far from heartwarming," columnist Ai Jun wrote.\n\n"The people have had enough," Jun wrote.',
      'The people',
      'Ai Jun',
    ],
    // a month before a day's number is a date, a weekday never a surname
    [
      '"We will fight on," Bernie Sanders said in Orlando July 8.',
      'We will fight',
      'Bernie Sanders',
    ],
    [
      'On Morning Joe Monday, "it was over," Joe Scarborough said.',
      'it was over',
      'Joe Scarborough',
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('the subject of a reporting clause, not a name nearby', () => {
  it.each([
    // a word owned by a possessive is a noun, not a speech verb
    [
      'Donald Trump spoke on Monday. Paul Ryan’s campaign shrugged off Trump’s comments, telling reporters, "Nobody asked for it."',
      'Nobody asked',
      null,
    ],
    [
      'French President François Hollande denounced Trump’s remarks as "hurtful and humiliating" and warned of the implications.\n\n"If the Americans choose Trump, that will have consequences," he said.',
      'If the Americans',
      'François Hollande',
    ],
    // a participle right after "NAME said," hangs off NAME
    [
      'Paul Ryan and Donald Trump will meet sometime next week, Sean Spicer said, adding, "They need to sit down."',
      'They need',
      'Sean Spicer',
    ],
    [
      'Omar Mateen left early, said Adel Nefzi, adding, "He was not very religious."',
      'He was not',
      'Adel Nefzi',
    ],
    // a long fronted adverbial still leaves the sentence's subject
    [
      'On Thursday, after remaining neutral throughout the primary process, Elizabeth Warren appeared on television and endorsed Hillary Clinton, saying, "She is a fighter."',
      'She is a fighter',
      'Elizabeth Warren',
    ],
    // "herself a …" is an apposition, not an interjection
    [
      'Silverman, herself a Sanders supporter during the primary, incurred boos upon saying, "Hillary heard the passion of the people."',
      'Hillary heard',
      'Silverman',
    ],
    // a possessor only qualifies who speaks, and so does a piece of a longer name
    [
      'Hillary Clinton’s right-hand woman rallied supporters, saying: "We have to be ready to stop him."',
      'We have to be',
      null,
    ],
    [
      'A spokeswoman for the House Armed Services Committee emailed reporters the text, arguing, "As you can see, the law is clear."',
      'As you can see',
      null,
    ],
    // "on" after a person's full name is where they write
    ['"It flows off the lips," wrote Larry O’Connor on Hot Air.', 'It flows', 'Larry O’Connor'],
    // a role at an organisation describes the person named before an apposition left open
    [
      'Anthony Anton, president and CEO of Washington Restaurant Association stated, "It’s a math problem."',
      'It’s a math',
      'Anthony Anton',
    ],
    ['"It is fine," said the CEO of Acme Corp.', 'It is fine', null],
    // an organisation that ends the text (this threw once: nothing after it to read)
    ['"It is fine," said NASA', 'It is fine', 'NASA'],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('what a relative clause says brings in no one new', () => {
  it.each([
    [
      '"The candidates do not understand the military," said Army Capt. Christian Pardo, who said he would not vote for either. "Their policies are far out there."',
      'Their policies',
      'Christian Pardo',
    ],
    [
      '"There is no organized effort," said RNC spokesman Sean Spicer in a Friday tweet. "It is a media creation."',
      'It is a media',
      'Sean Spicer',
    ],
    [
      '"You will have a problem," said Tim Selaty, organizer of a group called Citizens for Trump, which expects 5,000 to attend. "They made it more dangerous."',
      'They made it',
      'Tim Selaty',
    ],
    [
      '"Who is the real con man here?" said Chris Murphy, using a term Rubio has used to describe Donald Trump, on a call. "The bills shortchanged the crisis."',
      'The bills',
      'Chris Murphy',
    ],
    [
      'Hillary Clinton spoke. Clinton, who called Bernie Sanders shortly after the winner was declared, told her supporters, "I still love New Hampshire."',
      'I still love',
      'Hillary Clinton',
    ],
    // a new sentence with its own reporting verb brings in its own subject
    [
      '"The candidates do not understand the military," said Army Capt. Christian Pardo. Tom Reyes said he agreed. "Their policies are far out there."',
      'Their policies',
      'Tom Reyes',
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('"NAME said he …" gives a person of unknown gender a gender', () => {
  it.each([
    ['Casey Ellis said he would appeal the ruling.\n\n"We will win," he said.', 'Casey Ellis'],
    ['Casey Ellis said she would appeal the ruling.\n\n"We will win," he said.', null],
  ])('%s', (text, speaker) => {
    expect(speakerOf(text, 'We will win').speaker).toBe(speaker);
  });
});

describe('words right after a reporting verb are its subject’s', () => {
  it.each([
    [
      'Oliver Hedge runs the course. In 2009, under what Mr. Hedge called "the prior economy model," the Marsh Landing Country Club charged a $100,000 fee.',
      'the prior economy',
      'Oliver Hedge',
    ],
    // a report in a subordinate clause is background: the sentence's own reporter keeps speaking
    [
      '"They are not terminable at will," Trump spokesperson Ron Lieberman told the Wall Street Journal in July, after de Blasio stated an interest in ending business with Trump. "These contracts are fully binding."',
      'These contracts',
      'Ron Lieberman',
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('less common shapes of a reporting clause', () => {
  it.each([
    [
      'Ted Cruz rallied in Sioux City.\n\nCruz himself said Tuesday that "the only way to win Iowa is to ask."',
      'the only way',
      'Ted Cruz',
    ],
    ['"Is Obama profiling?" reacted Donald Trump.', 'Is Obama', 'Donald Trump'],
    // a titled full name inside an apposition's commas speaks; a described supporter does not
    [
      '"It is about time we had a woman running this country," exhorted Clinton’s introducer, actress Jamie Lee Curtis.',
      'It is about time',
      'Jamie Lee Curtis',
    ],
    [
      'One red-state Democrat, Montana Sen. Jon Tester, said Sunday that Donald Trump campaigned on it, but if the president is now saying, "We will build the wall," voters will notice.',
      'We will build',
      'Jon Tester',
    ],
    [
      'Former Arizona governor Jane Brewer, an early supporter of Donald Trump, calls the issue of security "a priority" for women.',
      'a priority',
      'Jane Brewer',
    ],
  ])('%s', (text, quote, speaker) => {
    expect(speakerOf(text, quote).speaker).toBe(speaker);
  });
});

describe('a quote introduced by "telling her," is the teller’s', () => {
  it('even when a sentence about someone else follows it', () => {
    const text =
      'In June 2009, after Hillary Clinton suffered a concussion, David Axelrod emailed her condolences, telling her, "You are an all-star player!" She replied to him that it was an honor.';
    expect(speakerOf(text, 'You are an all-star').speaker).toBe('David Axelrod');
  });
});
