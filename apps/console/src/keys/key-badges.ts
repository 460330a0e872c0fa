import { Key } from '@keyledger/client';

/** A state a key is shown with. */
export interface KeyBadge {
  readonly label: 'active' | 'disabled' | 'revoked' | 'expired' | 'expiring soon' | 'near limit';
  readonly tone: 'ok' | 'warn' | 'bad' | 'off';
}

const DAY_MS = 86_400_000;
/** Expiring within this many days reads as "expiring soon". */
export const EXPIRING_SOON_DAYS = 7;
/** At least this share of the limit used in the window reads as "near limit". */
export const NEAR_LIMIT_SHARE = 0.8;

/** The share of the window's limit used, 0–1 (more when over); null when unlimited. */
export function limitShareUsed(key: Key): number | null {
  if (key.limit === null || key.limit_remaining === null) return null;
  if (key.limit === 0) return 1;
  return (key.limit - key.limit_remaining) / key.limit;
}

/** The badges of a key at a time: its state first, then what needs attention. */
export function keyBadges(key: Key, now: Date): KeyBadge[] {
  if (key.revoked) return [{ label: 'revoked', tone: 'off' }];
  const expiresIn = key.expires_at === null ? null : Date.parse(key.expires_at) - now.getTime();
  if (expiresIn !== null && expiresIn <= 0) return [{ label: 'expired', tone: 'off' }];
  const badges: KeyBadge[] = [
    key.disabled ? { label: 'disabled', tone: 'bad' } : { label: 'active', tone: 'ok' },
  ];
  if (expiresIn !== null && expiresIn <= EXPIRING_SOON_DAYS * DAY_MS) {
    badges.push({ label: 'expiring soon', tone: 'warn' });
  }
  const used = limitShareUsed(key);
  if (used !== null && used >= NEAR_LIMIT_SHARE) badges.push({ label: 'near limit', tone: 'warn' });
  return badges;
}
