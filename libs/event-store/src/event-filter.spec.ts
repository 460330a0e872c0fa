import { matchesFilter } from './event-filter';

const created = { stream: 'key-1', type: 'KeyCreated' };

describe('matchesFilter', () => {
  it.each([
    ['no filter', undefined, true],
    ['an empty filter', {}, true],
    ['a matching stream prefix', { streamPrefixes: ['org-', 'key-'] }, true],
    ['no matching stream prefix', { streamPrefixes: ['org-'] }, false],
    ['an empty prefix list', { streamPrefixes: [] }, false],
    ['a matching event type', { eventTypes: ['KeyCreated'] }, true],
    ['a type that is only a prefix', { eventTypes: ['Key'] }, false],
    ['both criteria matching', { streamPrefixes: ['key-'], eventTypes: ['KeyCreated'] }, true],
    ['one criterion failing', { streamPrefixes: ['key-'], eventTypes: ['KeyRevoked'] }, false],
  ])('%s: %s', (_, filter, passes) => {
    expect(matchesFilter(created, filter)).toBe(passes);
  });
});
