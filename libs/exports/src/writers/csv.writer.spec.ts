import { csvField, csvLine, neutralise } from './csv.writer';

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
    ['   =1+1', "'   =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['\u200c\u200d\u2060\ufeff=1+1', "'\u200c\u200d\u2060\ufeff=1+1"],
    ['\n =1', "'\n =1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(1,1)', "'＠SUM(1,1)"],
    ['﹦1+1', "'﹦1+1"],
    ['  plain', '  plain'],
    ['“=1+1”', '“=1+1”'],
    ['42 = 6 × 7', '42 = 6 × 7'],
  ])('neutralise(%j) = %j', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['王寶東', '王寶東'],
    [42, '42'],
    [-3, '-3'],
  ])('csvField(%j) = %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('ends rows with CRLF', () => {
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });
});
