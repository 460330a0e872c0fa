import { isWellFormedRequestId, requestIdOf } from './request-id';

describe('request ids', () => {
  it.each(['a', 'req-1', 'A.b_c:d-9', 'x'.repeat(128)])('keeps %s', (id) => {
    expect(requestIdOf(id)).toBe(id);
  });

  it.each(['', 'x'.repeat(129), 'a b', 'é', 'a/b', 'a\nb', '{}'])('replaces %p', (id) => {
    expect(requestIdOf(id)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('agrees with the pattern it replaces on every printable ASCII character', () => {
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code);
      expect([char, isWellFormedRequestId(char)]).toEqual([char, /^[A-Za-z0-9._:-]$/.test(char)]);
    }
  });

  it('makes a new id when the header is absent or repeated', () => {
    expect(requestIdOf(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(['a', 'b'])).toMatch(/^[0-9a-f-]{36}$/);
  });
});
