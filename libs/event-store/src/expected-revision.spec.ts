import { matchesExpectedRevision, WrongExpectedRevisionError } from './expected-revision';

describe('matchesExpectedRevision', () => {
  it.each([
    ['any', 'no_stream', true],
    ['any', 3, true],
    ['no_stream', 'no_stream', true],
    ['no_stream', 0, false],
    ['exists', 'no_stream', false],
    ['exists', 0, true],
    [2, 2, true],
    [2, 3, false],
    [0, 'no_stream', false],
  ] as const)('expected %s against actual %s: %s', (expected, actual, matches) => {
    expect(matchesExpectedRevision(expected, actual)).toBe(matches);
  });
});

describe('WrongExpectedRevisionError', () => {
  it('names the stream and both revisions', () => {
    const error = new WrongExpectedRevisionError('key-1', 2, 5);
    expect(error.message).toBe('stream key-1: expected revision 2, actual 5');
    expect(error.code).toBe('revision_conflict');
  });
});
