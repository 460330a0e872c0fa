import { generateSecret, hashSecret, KeyEvent } from '@keyledger/domain';
import { ResolutionHarness, testSettings } from './testing';

const T = '2026-03-10T12:00:00.000Z';
const now = new Date(T);
const PEPPER = 'a-pepper-of-sixteen-chars';
const ORIGINAL = `sk-or-v1-${'ab12'.repeat(16)}`;
const random = { randomHex: () => '0123456789abcdef'.repeat(4) };

/** Key k1 imported from elsewhere with the SHA-256 of `secret`, under settings with or without a pepper. */
function importedKey(secret: string, pepper: string | null, prefix = 'sk-or-v1-') {
  const harness = new ResolutionHarness(testSettings({ pepper }));
  harness.createKey(1, { hash: hashSecret(secret, null), label: `${prefix}…` });
  const imported: KeyEvent = {
    type: 'KeyImported',
    data: { key_id: 'k1', hash_algorithm: 'sha256', prefix, origin: null, imported_at: T },
  };
  harness.apply('key-k1', imported);
  return harness;
}

const found = (harness: ResolutionHarness, secret: string) =>
  harness.resolve({ secret }, now).ok ? 'admitted' : 'refused';

describe('looking a secret up', () => {
  it.each([null, PEPPER])('finds an imported key by its original secret (pepper %s)', (pepper) => {
    expect(found(importedKey(ORIGINAL, pepper), ORIGINAL)).toBe('admitted');
  });

  it.each([null, PEPPER])(
    'finds an imported key whose secret looks like one of ours (pepper %s)',
    (pepper) => {
      const secret = `rk_${'cd'.repeat(32)}`;
      expect(found(importedKey(secret, pepper, 'rk_'), secret)).toBe('admitted');
    },
  );

  it('refuses a secret that starts with no imported prefix, even if it hashes to one', () => {
    // Imported as `sk-or-v1-`: a secret of another shape is never hashed the plain way.
    const harness = importedKey('other-secret', PEPPER);
    expect(found(harness, 'other-secret')).toBe('refused');
  });

  it('still finds native keys under a pepper once keys are imported', () => {
    const harness = importedKey(ORIGINAL, PEPPER);
    const ours = `rk_${'ef'.repeat(32)}`;
    harness.createKey(2, { hash: hashSecret(ours, PEPPER) });
    expect(found(harness, ours)).toBe('admitted');
    expect(found(harness, `rk_${'ee'.repeat(32)}`)).toBe('refused');
  });

  it('keeps an imported key that was restored from a snapshot', () => {
    const live = importedKey(ORIGINAL, PEPPER);
    const restored = new ResolutionHarness(testSettings({ pepper: PEPPER }));
    for (const event of live.log.events) restored.model.apply(event);
    expect(found(restored, ORIGINAL)).toBe('admitted');
  });

  describe('checksummed secrets', () => {
    const secret = generateSecret('rk_', random, 'checksummed');
    const withKey = () => {
      const harness = new ResolutionHarness(testSettings({ pepper: PEPPER }));
      harness.createKey(1, { hash: hashSecret(secret, PEPPER) });
      return harness;
    };

    it('resolves with its checksum', () => {
      expect(secret).toHaveLength(3 + 64 + 6);
      expect(found(withKey(), secret)).toBe('admitted');
    });

    it.each([
      ['a mistyped character', secret.replace('0123', '0124')],
      ['a mistyped checksum', `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`],
      ['a truncated secret', secret.slice(0, -1)],
    ])('refuses %s as an unknown key', (_, typo) => {
      expect(withKey().resolve({ secret: typo }, now)).toMatchObject({ code: 'invalid_api_key' });
    });
  });
});
