import { extract, RULE_NAMES } from '../src';
import { RULES } from '../src/attribution/sieve';

describe('the sieve', () => {
  it('declares every rule once, in the order of RULE_NAMES', () => {
    expect(RULES.map((r) => r.name)).toEqual([...RULE_NAMES]);
  });

  it('runs cue rules before context rules', () => {
    const stages = RULES.map((r) => r.stage);
    expect(stages.lastIndexOf('cue')).toBeLessThan(stages.indexOf('context'));
  });

  const text = 'Dr. Lena Park says clinics are short-staffed.\n\n“We turn people away every week.”';

  it('reported-speech names the subject of the last report before a quote paragraph', () => {
    expect(extract(text).quotes[0]).toMatchObject({
      speaker: 'Lena Park',
      rule: 'reported-speech',
      speakerKind: 'person',
    });
  });

  it('a rule switched off decides nothing', () => {
    expect(extract(text, { rules: { 'reported-speech': false } }).quotes[0]).toMatchObject({
      speaker: null,
      rule: 'none',
    });
  });

  it('a quote that ends its sentence yields to the cue before it', () => {
    const t = 'Smith told reporters: “We will win.” Jones said later that nothing was certain.';
    expect(extract(t).quotes[0]).toMatchObject({ speaker: 'Smith', rule: 'cue-before' });
  });
});

describe('resolution', () => {
  it.each([
    [
      'Maria Lopez, who coaches at Riverside Academy, said the season was hard. “We lost three starters,” she said.',
      'Maria Lopez',
    ],
    [
      'Tom Reyes said he wrote to Mayor Ann Cole after the flood. “Nobody answered,” he said.',
      'Tom Reyes',
    ],
    ['Mark Silva spoke to Ana Lima on Monday. “It was fine,” she said.', 'Ana Lima'],
    ['Crews from Pacific Gas Services worked overnight. “It was hard,” he said.', null],
  ])('%s', (t, speaker) => expect(extract(t).quotes[0].speaker).toBe(speaker));

  it('a short name is output in the fullest form the article gives', () => {
    const t = 'Prime Minister Ana Silva spoke on Monday. “We are ready,” Silva said.';
    expect(extract(t).quotes[0].speaker).toBe('Ana Silva');
  });

  it('a document speaks for the person its possessive names', () => {
    const t =
      'Jane Whitfield resigned on Monday. “It is a pillar of our democracy,” her statement said.';
    expect(extract(t).quotes[0]).toMatchObject({ speaker: 'Jane Whitfield' });
  });

  it('"the company said" is the one organisation named just before', () => {
    const t =
      'Pacific Gas Services cut power to 5,000 homes.\n\n“Crews are working around the clock,” the company said.';
    expect(extract(t).quotes[0]).toMatchObject({
      speaker: 'Pacific Gas Services',
      speakerKind: 'organisation',
    });
  });

  it('two organisations named before leave "the company" unresolved', () => {
    const t = 'Acme Corp. sued Globex Inc. on Monday.\n\n“We will win,” the company said.';
    expect(extract(t).quotes[0]).toMatchObject({
      speaker: null,
      speakerDescription: 'the company',
      speakerKind: 'organisation',
    });
  });

  it('an organisation speaks as an organisation', () => {
    const t = '“Crews are working around the clock,” BC Hydro said.';
    expect(extract(t).quotes[0]).toMatchObject({
      speaker: 'BC Hydro',
      speakerKind: 'organisation',
    });
  });

  it('a photo caption ending with its credit quotes nobody', () => {
    const t =
      'Asked what he would say, Dennis Brooks says: ‘Just listen.’ (Jane Roe/CBC)\n\n“Just listen,” Brooks said.';
    expect(extract(t).quotes.map((q) => q.text)).toEqual(['Just listen,']);
  });

  it('a quote after a possessive in title case is a title', () => {
    const t = 'Shelby spoke on CBS’ “Face the Nation.” He said: “We will see.”';
    expect(extract(t).quotes.map((q) => q.text)).toEqual(['We will see.']);
  });

  it('Mulder, never named in full, is the subject the pronoun takes up, not Stacy Lewis', () => {
    const t =
      'Stacy Lewis won the event.\n\nWhen asked, at the Diamond Resorts, Mulder didn’t hesitate.\n\n“It’s this for sure,” he said.';
    expect(extract(t).quotes[0].speaker).toBe('Mulder');
  });
});
