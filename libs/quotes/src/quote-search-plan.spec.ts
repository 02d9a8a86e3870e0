import { newestBound } from './quote.repository';

describe('newestBound: a first_seen that leaves at least a share of the quotes newer', () => {
  // 11 bounds: 10 buckets of a tenth of the quotes each, 2024-01-01 to 2024-01-11.
  const bounds = Array.from({ length: 11 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)));

  it('takes the bound at or below the share, so the range holds at least that many', () => {
    expect(newestBound(bounds, 0.1)).toEqual(new Date(Date.UTC(2024, 0, 10)));
    expect(newestBound(bounds, 0.25)).toEqual(new Date(Date.UTC(2024, 0, 8)));
    expect(newestBound(bounds, 0.01)).toEqual(new Date(Date.UTC(2024, 0, 10)));
  });

  it('has no bound for all the quotes, nor without a histogram', () => {
    expect(newestBound(bounds, 0.95)).toBeNull();
    expect(newestBound(bounds, 3)).toBeNull();
    expect(newestBound([], 0.1)).toBeNull();
  });
});
