import { xlsxHyperlink } from './xlsx.writer';

describe('XLSX hyperlinks', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['http://example.org/a b', 'http://example.org/a%20b'],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['data:text/html,<script>', null],
    ['=HYPERLINK("http://evil.example")', null],
    ['', null],
    [`https://example.org/${'x'.repeat(2100)}`, null],
  ])('xlsxHyperlink(%j) = %j', (input, expected) => {
    expect(xlsxHyperlink(input)).toBe(expected);
  });
});
