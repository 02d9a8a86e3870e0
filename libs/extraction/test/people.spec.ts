import { extract } from '../src';

// Affiliations, native names and the resolver, read through extract().

function personNamed(text: string, name: string) {
  return extract(text).people.find((p) => p.name === name);
}

describe('affiliations from appositions and titles', () => {
  it.each([
    [
      'Sharon Hom, executive director of the advocacy group Human Rights in China, said so.',
      'Sharon Hom',
      'executive director',
      'Human Rights in China',
    ],
    [
      'Assistant Secretary of State for Human Rights Michael Posner said so.',
      'Michael Posner',
      'Assistant Secretary of State for Human Rights',
      null,
    ],
    [
      'Wang Baodong (王寶東), spokesman for the Chinese embassy in Washington, said so.',
      'Wang Baodong',
      'spokesman',
      'Chinese embassy in Washington',
    ],
    [
      'Todd Stein, with the International Campaign for Tibet, said so.',
      'Todd Stein',
      null,
      'International Campaign for Tibet',
    ],
    ['Paraguay President Santiago Pena called it good.', 'Santiago Pena', 'President', 'Paraguay'],
    ['US president-elect Donald Trump spoke.', 'Donald Trump', 'president-elect', 'US'],
    [
      'Director General for International Organizations Chen Xu (陳旭) led it.',
      'Chen Xu',
      'Director General for International Organizations',
      null,
    ],
    [
      'Jaime Harrison, chair of the South Carolina Democratic Party, spoke.',
      'Jaime Harrison',
      'chair',
      'South Carolina Democratic Party',
    ],
  ])('%s', (text, name, role, organization) => {
    expect(personNamed(text, name)).toMatchObject({ role, organization });
  });

  it('reads a native-script name from parentheses', () => {
    expect(
      personNamed('Wang Baodong (王寶東), spokesman, said so.', 'Wang Baodong')?.nativeName,
    ).toBe('王寶東');
  });

  it('keeps a bracketed party tag out of the name', () => {
    const [q] = extract(
      '“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.',
    ).quotes;
    expect(q.speaker).toBe('G.K. Butterfield');
  });
});

describe('resolving mentions', () => {
  it.each([
    ['a surname', 'Michael Posner arrived. “It is fine,” Posner said.', 'Michael Posner', 'Posner'],
    [
      'a Chinese family name',
      'Wang Baodong (王寶東) spoke. “It is fine,” Wang said.',
      'Wang Baodong',
      'Wang',
    ],
    [
      'a title and surname',
      'Hillary Clinton spoke. “It is fine,” Mrs. Clinton said.',
      'Hillary Clinton',
      'Mrs. Clinton',
    ],
    [
      'a pronoun',
      'Michael Posner said talks went well.\n“It is fine,” he said.',
      'Michael Posner',
      'he',
    ],
    [
      'a role noun',
      'Wang Baodong, spokesman for the embassy, arrived. “It is fine,” the spokesman said.',
      'Wang Baodong',
      'the spokesman',
    ],
    [
      'the most recent fitting person',
      'Bill Clinton met Hillary Clinton. “It is fine,” Clinton said.',
      'Hillary Clinton',
      'Clinton',
    ],
  ])('resolves %s', (_kind, text, speaker, mention) => {
    expect(extract(text).quotes[0]).toMatchObject({ speaker, mention });
  });

  it('picks the pronoun that fits by gender', () => {
    const text = 'Mr. John Smith met Mrs. Jane Doe.\n“It is fine,” she said.';
    expect(extract(text).quotes[0].speaker).toBe('Jane Doe');
  });

  it('never invents a speaker', () => {
    expect(extract('“It is fine,” he said.').quotes[0]).toMatchObject({
      speaker: null,
      mention: 'he',
      rule: 'none',
    });
    expect(extract('“It is a very fine day for all of us.”').quotes[0]).toMatchObject({
      speaker: null,
      mention: null,
    });
  });

  it('lists people mentioned but not quoted', () => {
    const people = extract(
      'Barack Obama met Liu Xiaobo (劉曉波). “It is fine,” said Jane Roe.',
    ).people;
    expect(people.map((p) => [p.name, p.quoted])).toEqual([
      ['Barack Obama', false],
      ['Liu Xiaobo', false],
      ['Jane Roe', true],
    ]);
  });
});
