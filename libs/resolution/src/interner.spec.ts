import { Interner } from './interner';

describe('Interner', () => {
  it('hands back the first copy of an equal string', () => {
    const intern = new Interner();
    const first = intern.string(['u', '1'].join(''));
    expect(intern.string('u1')).toBe(first);
    expect(intern.nullable(null)).toBeNull();
  });

  it('shares equal lists, frozen, and keeps different orders apart', () => {
    const intern = new Interner();
    const list = intern.list(['completions', 'skills']);
    expect(intern.list(['completions', 'skills'])).toBe(list);
    expect(intern.list(['skills', 'completions'])).not.toBe(list);
    expect(Object.isFrozen(list)).toBe(true);
  });

  it('shares equal rate-limit lists, frozen, and keeps a different limit apart', () => {
    const intern = new Interner();
    // As read back from a store: every key brings its own copy.
    const read = () => [{ name: 'per_minute', limit: 600, duration_ms: 60_000 }];
    const list = intern.rateLimits(read());
    expect(intern.rateLimits(read())).toBe(list);
    expect(list).toEqual(read());
    expect(Object.isFrozen(list) && Object.isFrozen(list[0])).toBe(true);
    expect(intern.rateLimits([{ name: 'per_minute', limit: 601, duration_ms: 60_000 }])).not.toBe(
      list,
    );
  });
});
