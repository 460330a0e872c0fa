import { FieldErrors } from '../shared/validation';
import { failedFields } from '../testing';
import { checkExpiry } from './expiry';

const now = '2026-11-23T10:00:00.000Z';

describe('checkExpiry', () => {
  it('accepts null (never expires)', () => {
    expect(checkExpiry(new FieldErrors(), null, now)).toBeNull();
  });

  it.each([
    ['one millisecond after now', '2026-11-23T10:00:00.001Z', '2026-11-23T10:00:00.001Z'],
    ['an offset, normalized to UTC', '2026-11-24T00:00:00+02:00', '2026-11-23T22:00:00.000Z'],
    ['a bare date, as UTC midnight', '2027-01-01', '2027-01-01T00:00:00.000Z'],
  ])('accepts %s', (_, expiresAt, stored) => {
    expect(checkExpiry(new FieldErrors(), expiresAt, now)).toBe(stored);
  });

  it.each([
    ['now itself', now],
    ['the past', '2026-11-23T09:59:59.999Z'],
    ['a date that does not exist', '2027-02-30'],
    ['a time without a zone', '2027-01-01T00:00:00'],
    ['free text', 'next week'],
  ])('refuses %s on `expires_at`', (_, expiresAt) => {
    expect(failedFields((errors) => checkExpiry(errors, expiresAt, now))).toEqual(['expires_at']);
  });
});
