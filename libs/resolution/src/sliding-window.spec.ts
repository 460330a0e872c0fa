import fc from 'fast-check';
import { decideWindow, slidingCount, tightest } from './sliding-window';

const rule = { name: 'r', limit: 10, duration_ms: 1_000 };
const T = Date.parse('2026-03-10T12:00:00.000Z');

describe('decideWindow', () => {
  it('weighs the previous window by the share still covered', () => {
    expect(slidingCount(1_000, T + 250, 8, 1)).toBe(7);
    expect(decideWindow(rule, T + 250, 3, 8, 1)).toMatchObject({ admitted: true, remaining: 0 });
    expect(decideWindow(rule, T + 250, 4, 8, 1)).toMatchObject({ admitted: false, remaining: 3 });
  });

  it('gives a Retry-After after which the same cost is admitted, and not a second before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 999 }),
        (previous, current, cost, offset) => {
          const now = T + offset;
          const verdict = decideWindow(rule, now, cost, previous, current);
          if (verdict.admitted) return;
          const retry = verdict.retry_after as number;
          expect(retry).toBeGreaterThanOrEqual(1);
          // At the retry time the windows may have rolled: count as the limiter would.
          const later = now + retry * 1000;
          const rolled = Math.floor(later / 1000) - Math.floor(now / 1000);
          const [p, c] = rolled === 0 ? [previous, current] : rolled === 1 ? [current, 0] : [0, 0];
          expect(decideWindow(rule, later, cost, p, c).admitted).toBe(true);
        },
      ),
    );
  });

  it('never admits a cost above the limit', () => {
    expect(decideWindow(rule, T, 11, 0, 0)).toMatchObject({ admitted: false, retry_after: null });
  });
});

describe('tightest', () => {
  it('prefers a refusing limit (the longest wait), else the fewest remaining', () => {
    const a = decideWindow({ name: 'a', limit: 10, duration_ms: 1_000 }, T, 1, 0, 5);
    const b = decideWindow({ name: 'b', limit: 100, duration_ms: 60_000 }, T, 1, 0, 97);
    expect(tightest([a, b]).name).toBe('b');
    const refused = decideWindow({ name: 'c', limit: 1, duration_ms: 60_000 }, T, 1, 0, 1);
    expect(tightest([a, refused, b]).name).toBe('c');
  });
});
