import { calendarWindowsAt } from './calendar-windows';
import { UsageLedger } from './usage-ledger';

const atMs = Date.parse('2026-03-10T12:00:00.000Z');
const windows = calendarWindowsAt(atMs);
const day = windows.daily.start;
const week = windows.weekly.start;
const month = windows.monthly.start;

describe('UsageLedger', () => {
  it('persists a row in its documented column order, whatever its layout in memory', () => {
    const ledger = new UsageLedger();
    ledger.count(3, windows, atMs, { requests: 1, cost: 0, byok_cost: 0 }, true);
    ledger.count(3, windows, atMs, { requests: 0, cost: 5e8, byok_cost: 2e8 }, true);
    ledger.count(3, windows, atMs, { requests: 0, cost: 1e8, byok_cost: 0 }, false);
    // Per period (all time, day, week, month): cost, BYOK, requests, limit cost, limit BYOK,
    // window start; then the last use. Snapshots hold rows in this order.
    const period = (start: number) => [6e8, 2e8, 1, 5e8, 2e8, start];
    expect(ledger.row(3)).toEqual([
      ...period(0),
      ...period(day),
      ...period(week),
      ...period(month),
      atMs,
    ]);
  });

  it('gives back the same figures and limit usage from a restored row', () => {
    const ledger = new UsageLedger();
    ledger.count(0, windows, atMs, { requests: 2, cost: 3e8, byok_cost: 1e9 }, true);
    const restored = new UsageLedger(1);
    restored.restore(5, ledger.row(0));
    expect(restored.figures(5, windows)).toEqual(ledger.figures(0, windows));
    expect(restored.limitUsage(5, 'daily', true, windows)).toBe(13e8);
    expect(restored.figures(5, windows)).toMatchObject({
      requests_daily: 2,
      usage_monthly: 0.3,
      byok_usage: 1,
      last_used_at: '2026-03-10T12:00:00.000Z',
    });
  });
});
