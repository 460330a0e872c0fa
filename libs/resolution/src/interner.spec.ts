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
});
