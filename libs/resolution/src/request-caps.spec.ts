import { RequestCaps, RequestCounters } from './request-caps';

const at = (iso: string): number => Date.parse(iso);
const caps = (overrides: Partial<RequestCaps>): RequestCaps => ({
  minute: null,
  hour: null,
  day: null,
  ...overrides,
});

describe('RequestCounters', () => {
  it('admits below every cap', () => {
    const counters = new RequestCounters();
    counters.count('u1', at('2026-05-04T10:00:10Z'), 2);
    expect(
      counters.retryAfter('u1', caps({ minute: 3, hour: 3, day: 3 }), at('2026-05-04T10:00:20Z')),
    ).toBeNull();
  });

  it('refuses until the minute ends once the minute cap is reached', () => {
    const counters = new RequestCounters();
    counters.count('u1', at('2026-05-04T10:00:10Z'), 3);
    expect(counters.retryAfter('u1', caps({ minute: 3 }), at('2026-05-04T10:00:20.500Z'))).toBe(40);
    expect(counters.retryAfter('u1', caps({ minute: 3 }), at('2026-05-04T10:01:00Z'))).toBeNull();
  });

  it('answers the longest wait when several caps are reached', () => {
    const counters = new RequestCounters();
    counters.count('u1', at('2026-05-04T23:59:00Z'), 5);
    expect(
      counters.retryAfter('u1', caps({ minute: 5, hour: 5, day: 5 }), at('2026-05-04T23:59:30Z')),
    ).toBe(30);
    counters.count('u1', at('2026-05-04T10:00:00Z'), 1);
    expect(
      counters.retryAfter(
        'u1',
        caps({ minute: 100, hour: 100, day: 6 }),
        at('2026-05-04T12:00:00Z'),
      ),
    ).toBe(12 * 3600);
  });

  it('shares the count of one user across calls and keeps users apart', () => {
    const counters = new RequestCounters();
    counters.count('u1', at('2026-05-04T10:00:00Z'), 1);
    counters.count('u1', at('2026-05-04T10:00:01Z'), 1);
    expect(counters.made('u1', 'minute', at('2026-05-04T10:00:02Z'))).toBe(2);
    expect(counters.made('u2', 'minute', at('2026-05-04T10:00:02Z'))).toBe(0);
  });

  it('gives the same counts whatever order late counts arrive in', () => {
    const early = at('2026-05-04T10:59:59Z');
    const late = at('2026-05-04T11:00:01Z');
    const inOrder = new RequestCounters();
    inOrder.count('u1', early, 2);
    inOrder.count('u1', late, 3);
    const reversed = new RequestCounters();
    reversed.count('u1', late, 3);
    reversed.count('u1', early, 2);
    for (const counters of [inOrder, reversed]) {
      expect(counters.made('u1', 'hour', late)).toBe(3);
      expect(counters.made('u1', 'day', late)).toBe(5);
    }
  });

  it("merges the rows of a user's keys into what counting every request here gives", () => {
    const [first, second] = [new RequestCounters(1), new RequestCounters(1)];
    const everything = new RequestCounters();
    const counted: [RequestCounters, string][] = [
      [first, '2026-05-04T10:00:10Z'],
      [second, '2026-05-04T10:00:50Z'],
      [first, '2026-05-04T10:01:05Z'],
      [second, '2026-05-04T09:59:00Z'],
    ];
    for (const [counters, time] of counted) {
      counters.count('key', at(time), 2);
      everything.count('u1', at(time), 2);
    }
    const merged = new RequestCounters();
    for (const counters of [first, second]) merged.merge('u1', counters.row('key') ?? []);
    for (const period of ['minute', 'hour', 'day'] as const) {
      for (const time of ['2026-05-04T10:00:30Z', '2026-05-04T10:01:30Z'])
        expect(merged.made('u1', period, at(time))).toBe(everything.made('u1', period, at(time)));
    }
    expect(merged.made('u1', 'minute', at('2026-05-04T10:01:30Z'))).toBe(2);
    expect(merged.made('u1', 'hour', at('2026-05-04T10:01:30Z'))).toBe(6);
    expect(new RequestCounters().row('nobody')).toBeNull();
  });
});
