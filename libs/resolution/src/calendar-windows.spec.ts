import { CalendarWindowCache, calendarWindowsAt } from './calendar-windows';

const at = (iso: string): number => Date.parse(iso);

describe('calendarWindowsAt', () => {
  it('holds the day, the week from Monday and the month', () => {
    const windows = calendarWindowsAt(at('2026-03-01T12:00:00Z')); // a Sunday
    expect(new Date(windows.daily.start).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(windows.daily.endIso).toBe('2026-03-02T00:00:00.000Z');
    expect(new Date(windows.weekly.start).toISOString()).toBe('2026-02-23T00:00:00.000Z');
    expect(windows.weekly.endIso).toBe('2026-03-02T00:00:00.000Z');
    expect(new Date(windows.monthly.start).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(windows.monthly.endIso).toBe('2026-04-01T00:00:00.000Z');
  });
});

describe('CalendarWindowCache', () => {
  it('answers like calendarWindowsAt on both sides of a midnight', () => {
    const cache = new CalendarWindowCache();
    for (const iso of [
      '2026-12-31T23:59:59.999Z',
      '2027-01-01T00:00:00.000Z',
      '2027-01-01T13:00:00.000Z',
      '2026-12-31T00:00:00.000Z',
    ]) {
      expect(cache.at(at(iso))).toEqual(calendarWindowsAt(at(iso)));
    }
  });

  it('reuses the windows within one day', () => {
    const cache = new CalendarWindowCache();
    expect(cache.at(at('2027-01-01T00:00:00Z'))).toBe(cache.at(at('2027-01-01T23:59:59.999Z')));
  });
});
