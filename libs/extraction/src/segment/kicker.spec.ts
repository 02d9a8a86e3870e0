import { matchKicker } from './kicker';

describe('matchKicker at a line start', () => {
  it('reads the label after a newline', () => {
    const text = 'Body.\nCYBERSCAM: Anne, an interior decorator';
    expect(matchKicker(text, 6)).toEqual({ label: 'CYBERSCAM', end: 17 });
  });

  it('refuses labels longer than a kicker', () => {
    expect(matchKicker('A'.repeat(80) + ': x', 0)).toBeNull();
  });
});
