import { KNOWN_KEYS, NOW } from '../testing/governed-keys';
import { keyState } from './governed-key';

describe('keyState', () => {
  it('ranks revoked over expired over disabled', () => {
    expect(KNOWN_KEYS.map((key) => [key.id, keyState(key, NOW)])).toEqual([
      ['unlimited', 'active'],
      ['disabled', 'disabled'],
      ['revoked', 'revoked'],
      ['expired', 'expired'],
      ['over', 'active'],
      ['stale', 'active'],
    ]);
  });

  it('treats a key as expired from its expiry instant on', () => {
    const [key] = KNOWN_KEYS;
    expect(keyState({ ...key, expires_at: NOW.toISOString() }, NOW)).toBe('expired');
    expect(keyState({ ...key, expires_at: '2026-06-30T12:00:00.001Z' }, NOW)).toBe('active');
    expect(keyState({ ...key, revoked: true, disabled: true, expires_at: '2020-01-01' }, NOW)).toBe(
      'revoked',
    );
  });
});
