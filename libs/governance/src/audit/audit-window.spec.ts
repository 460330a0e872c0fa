import { CLOCK_MARGIN_MS, judge, OPEN_WINDOW } from './audit-window';

const at = (iso: string) => ({ occurred_at: iso, recorded_at: iso });
const T = Date.parse('2026-06-10T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('judge', () => {
  it('takes everything in an open window', () => {
    expect(judge(at('2020-01-01T00:00:00.000Z'), OPEN_WINDOW, 'asc')).toBe('take');
  });

  it('takes from `from` inclusive up to `to` exclusive', () => {
    const window = { from: T, to: T + 1000 };
    expect(judge(at(iso(T)), window, 'asc')).toBe('take');
    expect(judge(at(iso(T + 999)), window, 'asc')).toBe('take');
    expect(judge(at(iso(T + 1000)), window, 'asc')).toBe('skip');
    expect(judge(at(iso(T - 1)), window, 'desc')).toBe('skip');
  });

  it('ends a scan once the store clock is past the far edge by more than the margin', () => {
    const window = { from: T, to: T + 1000 };
    expect(judge(at(iso(T + 1000 + CLOCK_MARGIN_MS + 1)), window, 'asc')).toBe('stop');
    expect(judge(at(iso(T - CLOCK_MARGIN_MS - 1)), window, 'desc')).toBe('stop');
    // The near edge never ends a scan: later positions may still fall inside.
    expect(judge(at(iso(T - CLOCK_MARGIN_MS - 1)), window, 'asc')).toBe('skip');
    expect(judge(at(iso(T + 1000 + CLOCK_MARGIN_MS + 1)), window, 'desc')).toBe('skip');
  });

  it('judges by occurred_at, the time the command was decided', () => {
    const late = { occurred_at: iso(T + 10), recorded_at: iso(T + 5_000) };
    expect(judge(late, { from: T, to: T + 1000 }, 'asc')).toBe('take');
  });
});
