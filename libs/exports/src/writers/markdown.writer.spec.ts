import { cell, joinParts, link, linkTarget, quoteText } from './markdown.writer';

describe('Markdown cells', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['[x](javascript:alert(1))', '\\[x\\]\\(javascript:alert\\(1\\)\\)'],
    ['<javascript:alert(1)>', '&lt;javascript:alert\\(1\\)&gt;'],
    ['![img](http://x/y.png)', '\\!\\[img\\]\\(http://x/y.png\\)'],
    ['a | b', 'a \\| b'],
    ['two\nlines', 'two lines'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['2010-05-14', '2010-05-14'],
  ])('cell(%j) = %j', (input, expected) => {
    expect(cell(input)).toBe(expected);
  });

  it.each([
    ['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
    ['https://example.org/a b', 'https://example.org/a%20b'],
    [
      'https://example.org/x)](javascript:alert(1))',
      'https://example.org/x%29%5D%28javascript:alert%281%29%29',
    ],
    ['https://example.org/<script>', 'https://example.org/%3Cscript%3E'],
    ['https://example.org/a|b', 'https://example.org/a%7Cb'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['not a url', null],
  ])('linkTarget(%j) = %j', (input, expected) => {
    expect(linkTarget(input)).toBe(expected);
  });

  it('writes a non-http URL as text, not a link', () => {
    expect(link('Title', 'javascript:alert(1)')).toBe('Title');
    expect(link('', 'https://example.org/(x)')).toBe(
      '[https://example.org/\\(x\\)](https://example.org/%28x%29)',
    );
  });

  it.each([
    [['spokesman,', 'Chinese embassy'], 'spokesman, Chinese embassy'],
    [['', 'Paraguay'], 'Paraguay'],
    [['President', ''], 'President'],
    [[' , ', ''], ''],
  ])('joinParts(%j) = %j', (parts, expected) => {
    expect(joinParts(parts)).toBe(expected);
  });

  it.each([
    ['We hope they do more than talk,', 'We hope they do more than talk'],
    ['merit-based', 'merit-based'],
    ['a, b', 'a, b'],
    ['是的，', '是的'],
  ])('quoteText(%j) = %j', (input, expected) => {
    expect(quoteText(input)).toBe(expected);
  });
});
