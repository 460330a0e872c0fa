import { secondsUntil, windowFor } from './usage-window';

const at = (iso: string): Date => new Date(iso);
const iso = (window: { start: Date | null; end: Date | null }) => [window.start?.toISOString() ?? null, window.end?.toISOString() ?? null];

describe('windowFor', () => {
  it('has no window when the limit never resets', () => {
    expect(iso(windowFor(null, at('2026-03-04T05:06:07Z')))).toEqual([null, null]);
  });

  it.each([
    ['2026-03-04T00:00:00.000Z', '2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z'],
    ['2026-03-04T23:59:59.999Z', '2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z'],
    ['2026-12-31T23:59:59.999Z', '2026-12-31T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('daily at %s is [%s, %s)', (now, start, end) => {
    expect(iso(windowFor('daily', at(now)))).toEqual([start, end]);
  });

  it.each([
    ['Sunday night belongs to the week that began on Monday', '2026-11-29T23:59:59.999Z', '2026-11-23T00:00:00.000Z'],
    ['Monday midnight starts a new week', '2026-11-30T00:00:00.000Z', '2026-11-30T00:00:00.000Z'],
    ['a Wednesday', '2026-11-25T12:00:00.000Z', '2026-11-23T00:00:00.000Z'],
    ['a week across the new year', '2027-01-01T08:00:00.000Z', '2026-12-28T00:00:00.000Z'],
  ])('weekly: %s', (_, now, start) => {
    const window = windowFor('weekly', at(now));
    expect(window.start?.toISOString()).toBe(start);
    expect(window.end!.getTime() - window.start!.getTime()).toBe(7 * 86_400_000);
  });

  it.each([
    ['end of February, leap year', '2028-02-29T23:59:59.999Z', '2028-02-01T00:00:00.000Z', '2028-03-01T00:00:00.000Z'],
    ['end of February, common year', '2027-02-28T23:59:59.999Z', '2027-02-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z'],
    ['first instant of March', '2027-03-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z', '2027-04-01T00:00:00.000Z'],
    ['end of a 30-day month', '2026-04-30T23:00:00.000Z', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'],
    ['December into January', '2026-12-31T23:59:59.999Z', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('monthly: %s', (_, now, start, end) => {
    expect(iso(windowFor('monthly', at(now)))).toEqual([start, end]);
  });
});

describe('secondsUntil', () => {
  it('rounds up, and is never below one second', () => {
    expect(secondsUntil(at('2026-01-01T00:00:10Z'), at('2026-01-01T00:00:08.200Z'))).toBe(2);
    expect(secondsUntil(at('2026-01-01T00:00:10Z'), at('2026-01-01T00:00:10Z'))).toBe(1);
  });
});
