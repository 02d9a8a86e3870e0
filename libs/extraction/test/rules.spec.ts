import { cueAfter } from '../src/attribution/rules/cue-after';
import { cueBefore } from '../src/attribution/rules/cue-before';
import { cueInSentence } from '../src/attribution/rules/cue-in-sentence';
import { colonIntro } from '../src/attribution/rules/colon-intro';
import { sameParagraph } from '../src/attribution/rules/same-paragraph';
import { continuation } from '../src/attribution/rules/continuation';
import { transcriptLabel } from '../src/attribution/rules/transcript-label';
import { previousSentence } from '../src/attribution/rules/previous-sentence';
import { runContextRule, runCueRule } from './support';

// Each row: text, the quote's first words, then the speaker (or description),
// the words that named the source and the cue; null where the rule must not fire.

describe('cueAfter: “…,” NAME said / said NAME / according to NAME', () => {
  it.each([
    [
      '“We hope,” Sharon Hom, executive director of the group Human Rights in China, said.',
      'We hope',
      'Sharon Hom',
      'Sharon Hom',
      'said',
    ],
    [
      'Michael Posner spoke. “The challenge is real,” he said.',
      'The challenge',
      'Michael Posner',
      'he',
      'said',
    ],
    [
      '“No one has been punished,” said Wang Baodong.',
      'No one',
      'Wang Baodong',
      'Wang Baodong',
      'said',
    ],
    [
      '“It is over,” White House press secretary Josh Earnest said.',
      'It is over',
      'Josh Earnest',
      'White House press secretary Josh Earnest',
      'said',
    ],
    ['“Taxes will rise,” according to Jane Roe.', 'Taxes', 'Jane Roe', 'Jane Roe', 'according to'],
    ['“Go,” Braynard is quoted as saying.', 'Go', 'Braynard', 'Braynard', 'quoted'],
    ['“The issue is closed,” Hannity started.', 'The issue', 'Hannity', 'Hannity', 'started'],
    ['“I love it.” ― Pamela Padilla', 'I love it', 'Pamela Padilla', 'Pamela Padilla', '―'],
    [
      '"It needs to stop."\n\n-Michelle Marks, Philadelphia.',
      'It needs',
      'Michelle Marks',
      'Michelle Marks',
      '-',
    ],
    [
      '“It is over,” the Vatican spokesman, Federico Lombardi, told Vatican Radio.',
      'It is over',
      'Federico Lombardi',
      'the Vatican spokesman, Federico Lombardi',
      'told',
    ],
    [
      '“Tax cuts fail,” James Pethokoukis of the American Enterprise Institute wrote.',
      'Tax cuts',
      'James Pethokoukis',
      'James Pethokoukis of the American Enterprise Institute',
      'wrote',
    ],
    [
      '“It is over,” said Representative Charles B. Rangel of New York.',
      'It is over',
      'Charles B. Rangel',
      'Representative Charles B. Rangel of New York',
      'said',
    ],
    [
      '“It is small,” wrote Cameron Easley for Morning Consult.',
      'It is small',
      'Cameron Easley',
      'Cameron Easley for Morning Consult',
      'wrote',
    ],
    [
      '“It is an invasion,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said.',
      'It is an',
      'Scott Pruitt',
      'Scott Pruitt',
      'said',
    ],
  ])('%s', (text, quote, speaker, mention, cue) => {
    expect(runCueRule(cueAfter, text, quote)).toMatchObject({
      speaker,
      mention,
      cue,
      rule: 'cue-after',
    });
  });

  it.each([
    ['“Secret,” a senior official said.', 'Secret', 'a senior official'],
    [
      '“Secret,” said one Republican involved in the planning.',
      'Secret',
      'one Republican involved in the planning',
    ],
  ])('keeps an unnamed source as described: %s', (text, quote, description) => {
    expect(runCueRule(cueAfter, text, quote)).toMatchObject({ speaker: null, description });
  });

  it.each([
    ['“We will win.” Analyst Mark Smith agreed that the race was close.', 'We will win'],
    ['“It is done,” told Fox News.', 'It is done'],
    ['“It is done.” The end.', 'It is done'],
  ])('does not fire on %s', (text, quote) => {
    expect(runCueRule(cueAfter, text, quote).rule).toBeNull();
  });
});

describe('cueBefore: NAME said: “…” / told reporters, “…” / …, saying “…”', () => {
  it.each([
    ['Graham said, “We are losing.”', 'We are losing', 'Graham', 'said'],
    ['Schumer tweeted: “Let’s go.”', 'Let’s go', 'Schumer', 'tweeted'],
    ['Priebus told Fox News on Thursday: “Both are meeting.”', 'Both are', 'Priebus', 'told'],
    [
      'Donald Trump confirmed that he had spoken with Xi, saying ‘the call was a very good one’ for both.',
      'the call',
      'Donald Trump',
      'saying',
    ],
    [
      'According to Woodward, “The real estate world is complex.”',
      'The real',
      'Woodward',
      'According to',
    ],
    ['Said Comey, “The thought is painful.”', 'The thought', 'Comey', 'Said'],
    ['Bush: “The mission is to destroy ISIS.”', 'The mission', 'Bush', ':'],
    ['Mrs. Clinton shook her head and said, “No.”', 'No', 'Clinton', 'said'],
    [
      'Mitch McConnell, R-Ky., delivered a blunt message to Trump: “It is time to quit.”',
      'It is time',
      'Mitch McConnell',
      ':',
    ],
    [
      'More from Jones: “The partisanship of the state is a starting point.”',
      'The partisanship',
      'Jones',
      ':',
    ],
  ])('%s', (text, quote, speaker, cue) => {
    expect(runCueRule(cueBefore, text, quote)).toMatchObject({ speaker, cue, rule: 'cue-before' });
  });

  it('does not fire without a cue', () => {
    expect(
      runCueRule(cueBefore, 'The show was named “Morning Joe” by fans.', 'Morning').rule,
    ).toBeNull();
  });
});

describe('cueInSentence: a speech verb elsewhere in the sentence', () => {
  it.each([
    ['Posner said human rights could not “just be isolated to a few days.”', 'just be', 'Posner'],
    [
      'Wang Baodong, spokesman for the embassy, said China considers it a way to “increase understanding.”',
      'increase',
      'Wang Baodong',
    ],
    [
      'Paraguay President Santiago Pena called the team a “dream come true” as his nation rose.',
      'dream',
      'Santiago Pena',
    ],
    [
      'Attacking a court is ‘unprecedented’ in Korea, a South Korean political pundit said.',
      'unprecedented',
      null,
    ],
  ])('%s', (text, quote, speaker) => {
    expect(runCueRule(cueInSentence, text, quote)).toMatchObject({
      speaker,
      rule: 'cue-in-sentence',
    });
  });

  it('keeps the pundit as described', () => {
    const text =
      'Attacking a court is ‘unprecedented’ in Korea, a South Korean political pundit said.';
    expect(runCueRule(cueInSentence, text, 'unprecedented').description).toBe(
      'a South Korean political pundit',
    );
  });

  it('takes no weak verb that follows the quote', () => {
    expect(
      runCueRule(cueInSentence, 'The “dream team” was called a success.', 'dream').rule,
    ).toBeNull();
  });

  it('takes no listener for a speaker', () => {
    expect(
      runCueRule(cueInSentence, 'It was “fine” as we told Fox News.', 'fine').speaker,
    ).toBeNull();
  });
});

describe('colonIntro: a paragraph that ends “NAME said:”', () => {
  it.each([
    ['Caddell continued:\n\n"The health issue is partisan."', 'The health', 'Caddell'],
    [
      'President Clinton released the following statement:\n\n“Hillary and I offer condolences.”',
      'Hillary and',
      'Clinton',
    ],
  ])('%s', (text, quote, speaker) => {
    expect(runCueRule(colonIntro, text, quote)).toMatchObject({ speaker, rule: 'colon-intro' });
  });

  it('needs the colon', () => {
    expect(
      runCueRule(colonIntro, 'Caddell continued.\n\n"The health issue is partisan."', 'The health')
        .rule,
    ).toBeNull();
  });
});

describe('transcriptLabel: “PENCE: …”', () => {
  it('names the speaker from the label, resolved to a person named before', () => {
    const text = 'Mike Pence spoke to Chris Wallace.\n"PENCE: Well, look, it is fine.';
    expect(runCueRule(transcriptLabel, text, 'PENCE')).toMatchObject({
      speaker: 'Mike Pence',
      mention: 'PENCE',
      rule: 'transcript-label',
    });
  });

  it('ignores editorial labels', () => {
    expect(runCueRule(transcriptLabel, '"UPDATE: the vote moved."', 'UPDATE').rule).toBeNull();
  });
});

describe('sameParagraph: an uncued quote next to an attributed one', () => {
  it.each([
    [
      '“It is great,” Pena said in Washington. “One of the challenges was the image,”',
      'One of',
      'Santiago Pena',
    ],
    ['“It works.” “It is cheap,” Jane Roe said.', 'It works', 'Jane Roe'],
  ])('%s', (text, quote, speaker) => {
    const withName = text.includes('Pena')
      ? 'Paraguay President Santiago Pena spoke. ' + text
      : text;
    expect(runContextRule(sameParagraph, withName, quote)).toMatchObject({
      speaker,
      rule: 'same-paragraph',
    });
  });

  it('is not stopped by a scene clause', () => {
    const text = '"The bullying," Chris Wallace said, as the crowd cheered. "The greed."';
    expect(runContextRule(sameParagraph, text, 'The greed')).toMatchObject({
      speaker: 'Chris Wallace',
    });
  });

  it('stops at a cue for someone else', () => {
    const text =
      'Trump confirmed it, saying ‘the call was good’. Xi agreed, the ministry said. “We both attach importance';
    expect(runContextRule(sameParagraph, text, 'We both').rule).toBeNull();
  });
});

describe('continuation: a quote paragraph continues the previous speaker', () => {
  it('follows the last attributed quote of the previous paragraph', () => {
    const text = '“We are close,” Blackwell said.\n“Republican presidents often fail.”';
    expect(runContextRule(continuation, text, 'Republican')).toMatchObject({
      speaker: 'Blackwell',
      rule: 'continuation',
    });
  });

  it('does not jump over a paragraph of narrative', () => {
    const text =
      '“We are close,” Blackwell said.\nThe race went on.\n“Republican presidents often fail.”';
    expect(runContextRule(continuation, text, 'Republican').rule).toBeNull();
  });

  it('does not apply when the paragraph has its own cue', () => {
    const text = '“We are close,” Blackwell said.\n“It fails,” Jane Roe said.';
    expect(runContextRule(continuation, text, 'It fails').rule).toBeNull();
  });
});

describe('previousSentence: a quote right after a report', () => {
  it('takes the subject of the report in the sentence before', () => {
    const text =
      'Sam Lau, the communications director for the Iowa Democratic Party said in a statement. “There are no paper ballots to recount.”';
    expect(runContextRule(previousSentence, text, 'There are')).toMatchObject({
      speaker: 'Sam Lau',
      rule: 'previous-sentence',
    });
  });

  it('needs the quote to open its sentence', () => {
    const text = 'Sam Lau said it. The party called it “a unique event in the state.”';
    expect(runContextRule(previousSentence, text, 'a unique')).toMatchObject({ rule: null });
  });
});
