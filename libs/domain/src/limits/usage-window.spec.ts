import { secondsUntil, UsageWindow, windowFor } from './usage-window';

const iso = (window: UsageWindow) => [
  window.start?.toISOString() ?? null,
  window.end?.toISOString() ?? null,
];
const windowAt = (reset: 'daily' | 'weekly' | 'monthly', at: string) =>
  iso(windowFor(reset, new Date(at)));

describe('windowFor: no reset', () => {
  it('has no window when the limit never resets', () => {
    expect(iso(windowFor(null, new Date('2026-03-04T05:06:07Z')))).toEqual([null, null]);
  });

  it('refuses an invalid date', () => {
    expect(() => windowFor('daily', new Date('nope'))).toThrow(RangeError);
  });
});

describe('windowFor: daily', () => {
  it.each([
    [
      'the first instant of a day',
      '2026-03-04T00:00:00.000Z',
      '2026-03-04T00:00:00.000Z',
      '2026-03-05T00:00:00.000Z',
    ],
    ['midday', '2026-03-04T12:34:56.789Z', '2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z'],
    [
      'the last instant of a day',
      '2026-03-04T23:59:59.999Z',
      '2026-03-04T00:00:00.000Z',
      '2026-03-05T00:00:00.000Z',
    ],
    [
      'the last instant of February in a common year',
      '2027-02-28T23:59:59.999Z',
      '2027-02-28T00:00:00.000Z',
      '2027-03-01T00:00:00.000Z',
    ],
    [
      'the leap day',
      '2028-02-29T12:00:00.000Z',
      '2028-02-29T00:00:00.000Z',
      '2028-03-01T00:00:00.000Z',
    ],
    [
      "New Year's Eve",
      '2026-12-31T23:59:59.999Z',
      '2026-12-31T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ],
    [
      'a time given with an offset, which counts in UTC',
      '2026-03-05T01:00:00+02:00',
      '2026-03-04T00:00:00.000Z',
      '2026-03-05T00:00:00.000Z',
    ],
  ])('%s', (_, at, start, end) => {
    expect(windowAt('daily', at)).toEqual([start, end]);
  });
});

describe('windowFor: weekly (Monday 00:00 UTC)', () => {
  it.each([
    [
      'Monday 00:00 starts a week',
      '2026-11-23T00:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
    ],
    [
      'a Wednesday',
      '2026-11-25T12:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
    ],
    [
      'the last instant of Sunday belongs to the week before',
      '2026-11-29T23:59:59.999Z',
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
    ],
    [
      'the next Monday 00:00 starts the next week',
      '2026-11-30T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
    ],
    [
      'a week across the new year',
      '2027-01-01T08:00:00.000Z',
      '2026-12-28T00:00:00.000Z',
      '2027-01-04T00:00:00.000Z',
    ],
    [
      'a week across a leap day',
      '2028-02-29T08:00:00.000Z',
      '2028-02-28T00:00:00.000Z',
      '2028-03-06T00:00:00.000Z',
    ],
    [
      'a week across the end of February in a common year',
      '2027-03-01T00:00:00.000Z',
      '2027-03-01T00:00:00.000Z',
      '2027-03-08T00:00:00.000Z',
    ],
  ])('%s', (_, at, start, end) => {
    expect(windowAt('weekly', at)).toEqual([start, end]);
  });
});

describe('windowFor: monthly (the 1st, 00:00 UTC)', () => {
  it.each([
    [
      'the first instant of a month',
      '2026-04-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
      '2026-05-01T00:00:00.000Z',
    ],
    [
      'the end of a 30-day month',
      '2026-04-30T23:59:59.999Z',
      '2026-04-01T00:00:00.000Z',
      '2026-05-01T00:00:00.000Z',
    ],
    [
      'the end of a 31-day month',
      '2026-05-31T23:59:59.999Z',
      '2026-05-01T00:00:00.000Z',
      '2026-06-01T00:00:00.000Z',
    ],
    [
      'Feb 28 in a leap year is not the end',
      '2028-02-28T23:59:59.999Z',
      '2028-02-01T00:00:00.000Z',
      '2028-03-01T00:00:00.000Z',
    ],
    [
      'Feb 29 in a leap year is the end',
      '2028-02-29T23:59:59.999Z',
      '2028-02-01T00:00:00.000Z',
      '2028-03-01T00:00:00.000Z',
    ],
    [
      'Feb 28 in a common year is the end',
      '2027-02-28T23:59:59.999Z',
      '2027-02-01T00:00:00.000Z',
      '2027-03-01T00:00:00.000Z',
    ],
    [
      'March 1st after a common February',
      '2027-03-01T00:00:00.000Z',
      '2027-03-01T00:00:00.000Z',
      '2027-04-01T00:00:00.000Z',
    ],
    [
      'February in a century year that is not leap',
      '2100-02-28T12:00:00.000Z',
      '2100-02-01T00:00:00.000Z',
      '2100-03-01T00:00:00.000Z',
    ],
    [
      'December into January',
      '2026-12-31T23:59:59.999Z',
      '2026-12-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ],
    [
      'January 1st starts a new month and year',
      '2027-01-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
      '2027-02-01T00:00:00.000Z',
    ],
  ])('%s', (_, at, start, end) => {
    expect(windowAt('monthly', at)).toEqual([start, end]);
  });
});

describe('secondsUntil', () => {
  const end = new Date('2026-01-01T00:00:10.000Z');

  it.each([
    ['whole seconds exactly', '2026-01-01T00:00:08.000Z', 2],
    ['a fraction, rounded up', '2026-01-01T00:00:08.200Z', 2],
    ['one millisecond, rounded up to a second', '2026-01-01T00:00:09.999Z', 1],
    ['a whole day', '2025-12-31T00:00:10.000Z', 86_400],
    ['the end itself', '2026-01-01T00:00:10.000Z', 0],
    ['after the end', '2026-01-01T00:00:11.000Z', 0],
  ])('%s', (_, now, seconds) => {
    expect(secondsUntil(end, new Date(now))).toBe(seconds);
  });

  it('gives the seconds to the end of the current window, as Retry-After needs', () => {
    const now = new Date('2026-11-29T23:59:30.000Z');
    expect(secondsUntil(windowFor('weekly', now).end as Date, now)).toBe(30);
  });
});
