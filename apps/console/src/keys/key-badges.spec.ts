import { Key } from '@keyledger/client';
import { keyBadges, limitShareUsed } from './key-badges';

const NOW = new Date('2026-06-10T12:00:00Z');

const key = (overrides: Partial<Key>): Key =>
  ({
    disabled: false,
    revoked: false,
    expires_at: null,
    limit: null,
    limit_remaining: null,
    ...overrides,
  }) as Key;

const labels = (overrides: Partial<Key>) => keyBadges(key(overrides), NOW).map((b) => b.label);

describe('keyBadges', () => {
  it('shows a live key as active, a disabled one as disabled', () => {
    expect(labels({})).toEqual(['active']);
    expect(labels({ disabled: true })).toEqual(['disabled']);
  });

  it('shows revoked and expired keys with that state alone', () => {
    expect(labels({ revoked: true, disabled: true, limit: 1, limit_remaining: 0 })).toEqual([
      'revoked',
    ]);
    expect(labels({ expires_at: '2026-06-10T11:59:59Z' })).toEqual(['expired']);
  });

  it('adds "expiring soon" within 7 days and "near limit" from 80% used', () => {
    expect(labels({ expires_at: '2026-06-17T12:00:00Z' })).toEqual(['active', 'expiring soon']);
    expect(labels({ expires_at: '2026-06-17T12:00:01Z' })).toEqual(['active']);
    expect(labels({ limit: 10, limit_remaining: 2 })).toEqual(['active', 'near limit']);
    expect(labels({ limit: 10, limit_remaining: 2.01 })).toEqual(['active']);
  });

  it('reads the share of the limit used; none without a limit', () => {
    expect(limitShareUsed(key({ limit: 4, limit_remaining: 1 }))).toBe(0.75);
    expect(limitShareUsed(key({ limit: 0, limit_remaining: 0 }))).toBe(1);
    expect(limitShareUsed(key({}))).toBeNull();
  });
});
