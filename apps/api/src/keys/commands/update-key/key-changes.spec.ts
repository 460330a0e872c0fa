import { DomainError } from '@keyledger/domain';
import { keyChanges } from './key-changes';

const NOW = '2030-01-01T00:00:00.000Z';

describe('keyChanges', () => {
  it('turns an empty body into no command', () => {
    expect(keyChanges({}, NOW)).toEqual([]);
  });

  it('decides rename, disable, limits and expiry in that order, each once', () => {
    expect(
      keyChanges(
        {
          expires_at: null,
          limit: 5,
          include_byok_in_limit: true,
          disabled: true,
          reason: 'leak',
          name: 'ci',
        },
        NOW,
      ),
    ).toEqual([
      { type: 'RenameKey', name: 'ci', now: NOW },
      { type: 'DisableKey', reason: 'leak', now: NOW },
      {
        type: 'SetKeyLimit',
        limit: 5,
        limit_reset: undefined,
        include_byok_in_limit: true,
        now: NOW,
      },
      { type: 'SetKeyExpiry', expires_at: null, now: NOW },
    ]);
  });

  it('enables with disabled: false and keeps a null limit as "unlimited"', () => {
    expect(keyChanges({ disabled: false, limit: null }, NOW).map((c) => c.type)).toEqual([
      'EnableKey',
      'SetKeyLimit',
    ]);
    expect(keyChanges({ limit: null }, NOW)[0]).toMatchObject({ limit: null });
  });

  it('refuses a reason that does not go with disabling', () => {
    for (const body of [{ reason: 'why' }, { disabled: false, reason: 'why' }]) {
      expect(() => keyChanges(body, NOW)).toThrow(DomainError);
    }
  });
});
