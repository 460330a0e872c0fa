import { githubMatches } from './github-leak-report';

describe('githubMatches', () => {
  it('keeps token and type, and takes url and source leniently', () => {
    expect(
      githubMatches([
        { token: 'rk_a', type: 't', url: 'https://github.com/o/r/blob/x', source: ' commit ' },
        { token: 'rk_b', type: 't', url: 'javascript:alert(1)', source: '' },
        { token: 'rk_c', type: 't' },
      ]),
    ).toEqual([
      { token: 'rk_a', type: 't', url: 'https://github.com/o/r/blob/x', source: 'commit' },
      { token: 'rk_b', type: 't', url: null, source: 'github' },
      { token: 'rk_c', type: 't', url: null, source: 'github' },
    ]);
  });

  it.each([
    ['an object', { token: 'rk_a', type: 't' }],
    ['a match without a token', [{ type: 't' }]],
    ['a match without a type', [{ token: 'rk_a' }]],
    ['an over-long token', [{ token: 'x'.repeat(1025), type: 't' }]],
    ['too many matches', Array.from({ length: 1001 }, () => ({ token: 'a', type: 't' }))],
  ])('refuses %s without naming any token', (_, body) => {
    expect(() => githubMatches(body)).toThrow(
      expect.objectContaining({ status: 400, code: 'validation_failed' }),
    );
  });
});
