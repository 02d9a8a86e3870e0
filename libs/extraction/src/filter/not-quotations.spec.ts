import {
  isHeading,
  isMarkupValue,
  isQuotation,
  isGivenName,
  isQuotedModifier,
  isScareQuote,
  isTitleOfWork,
  type Candidate,
} from './not-quotations';

const base: Candidate = {
  text: '',
  partial: false,
  attributed: false,
  before: ' ',
  wholeParagraph: false,
  cued: false,
};

describe('not quotations', () => {
  it.each([
    [isTitleOfWork, { text: 'This Week,', partial: true }, true],
    [isTitleOfWork, { text: 'A Change Is Gonna Come,', partial: true }, true],
    [isTitleOfWork, { text: 'dream come true', partial: true }, false],
    [isTitleOfWork, { text: 'This Week,', partial: false }, false],
    [isTitleOfWork, { text: 'Face the Nation.', afterPossessive: true }, true],
    [isHeading, { text: 'All Bets Are Off.', wholeParagraph: true }, true],
    [isHeading, { text: 'All Bets Are Off.', wholeParagraph: true, attributed: true }, true],
    [isHeading, { text: 'Yes We Can!', wholeParagraph: true, attributed: true, cued: true }, false],
    [isScareQuote, { text: 'lone wolves' }, true],
    [
      isGivenName,
      { text: 'loop,', partial: true, wordBefore: 'called', verbBefore: 'simply' },
      true,
    ],
    [
      isGivenName,
      { text: 'a disgrace,', partial: true, wordBefore: 'called', verbBefore: 'trump' },
      false,
    ],
    [
      isQuotedModifier,
      { text: 'unpredictable', partial: true, wordBefore: 'the', wordAfter: 'nature' },
      true,
    ],
    [isQuotedModifier, { text: 'chicken', partial: true, wordBefore: 'a', wordAfter: 'on' }, false],
    [
      isQuotedModifier,
      {
        text: 'fraudulent scheme',
        partial: true,
        wordBefore: 'a',
        verbBefore: 'called',
        wordAfter: 'took',
      },
      false,
    ],
    [
      isQuotedModifier,
      { text: 'bold.', partial: true, wordBefore: 'the', wordAfter: 'and' },
      false,
    ],
    [isScareQuote, { text: 'discrimination', attributed: true }, false],
    [isScareQuote, { text: 'We both attach great importance to interaction' }, false],
    [isMarkupValue, { text: '778257943577919488', before: '=' }, true],
  ])('%p on %j is %s', (rule, fields, expected) => {
    expect(rule({ ...base, ...fields })).toBe(expected);
  });

  it('keeps an attributed long quote', () => {
    expect(
      isQuotation({ ...base, text: 'It is a great opportunity for us', attributed: true }),
    ).toBe(true);
  });
});
