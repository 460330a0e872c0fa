import { assertValidPrefix, generateSecret, hashesEqual, hashSecret, looksLikeSecret, secretLabel } from './secret';

const fixed = { randomHex: (bytes: number) => '0123456789abcdef'.repeat(bytes / 8) };

describe('secrets', () => {
  const secret = generateSecret('rk_', fixed);

  it('is the prefix then 64 lowercase hex characters', () => {
    expect(secret).toBe(`rk_${'0123456789abcdef'.repeat(4)}`);
    expect(looksLikeSecret(secret, 'rk_')).toBe(true);
    expect(looksLikeSecret(secret.slice(0, -1), 'rk_')).toBe(false);
    expect(looksLikeSecret(secret.toUpperCase(), 'rk_')).toBe(false);
  });

  it('accepts other prefixes such as sk-', () => {
    expect(generateSecret('sk-', fixed)).toMatch(/^sk-[0-9a-f]{64}$/);
  });

  it.each(['', 'has space', 'x'.repeat(17), 'rk/'])('refuses the prefix %j', (prefix) => {
    expect(() => assertValidPrefix(prefix)).toThrow(/prefix/);
  });

  it('refuses a generator that does not give 32 bytes of hex', () => {
    expect(() => generateSecret('rk_', { randomHex: () => 'zz' })).toThrow();
  });

  it('hashes with SHA-256, or HMAC-SHA-256 when peppered', () => {
    expect(hashSecret('abc', null)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashSecret('The quick brown fox jumps over the lazy dog', 'key')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
    expect(hashSecret(secret, null)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(secret, 'pepper-one-0123456')).not.toBe(hashSecret(secret, 'pepper-two-0123456'));
    expect(hashSecret(secret, null)).not.toContain(secret.slice(3));
  });

  it('labels with the prefix and the first and last four characters', () => {
    expect(secretLabel(secret, 'rk_')).toBe('rk_0123…cdef');
  });

  it('compares hashes for equality', () => {
    const hash = hashSecret(secret, null);
    expect(hashesEqual(hash, hashSecret(secret, null))).toBe(true);
    expect(hashesEqual(hash, hashSecret(`${secret}x`, null))).toBe(false);
    expect(hashesEqual(hash, 'short')).toBe(false);
  });
});
