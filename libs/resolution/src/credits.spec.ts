import { toCredits, toNanos } from './credits';

describe('credits', () => {
  it('sums exactly where floating-point credits would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toCredits(toNanos(0.1) + toNanos(0.2))).toBe(0.3);
  });

  it('gives the same total in any grouping', () => {
    const costs = [0.0123, 0.7, 1e-9, 3.3333333, 0.1];
    const one = costs.reduce((sum, cost) => sum + toNanos(cost), 0);
    const batched =
      costs.slice(0, 2).reduce((sum, cost) => sum + toNanos(cost), 0) +
      costs.slice(2).reduce((sum, cost) => sum + toNanos(cost), 0);
    expect(batched).toBe(one);
  });

  it('round-trips a batch sum through the credits an event carries', () => {
    const nanos = toNanos(12345.678901234);
    expect(toNanos(toCredits(nanos))).toBe(nanos);
  });
});
