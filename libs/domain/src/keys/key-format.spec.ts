import { hasValidChecksum, secretChecksum, secretPattern } from './key-format';
import { generateSecret, looksLikeSecret, secretLabel } from './secret';

const random = { randomHex: () => '0123456789abcdef'.repeat(4) };
const checksummed = generateSecret('rk_', random, 'checksummed');

describe('the checksummed key format', () => {
  it('appends the CRC-32 of the 64 hex characters in 6 base62 characters', () => {
    const hex = '0123456789abcdef'.repeat(4);
    expect(checksummed).toBe(`rk_${hex}${secretChecksum(hex)}`);
    expect(secretChecksum(hex)).toMatch(/^[0-9A-Za-z]{6}$/);
    // Zero-padded: the CRC of the empty string is 0.
    expect(secretChecksum('')).toBe('000000');
  });

  it('accepts its own checksum and refuses a changed character anywhere', () => {
    expect(hasValidChecksum(checksummed, 'rk_')).toBe(true);
    for (const at of [3, 40, 66, 67, 72]) {
      const swapped = checksummed[at] === 'a' ? 'b' : 'a';
      const typo = checksummed.slice(0, at) + swapped + checksummed.slice(at + 1);
      expect(hasValidChecksum(typo, 'rk_')).toBe(false);
    }
    expect(hasValidChecksum(checksummed.slice(0, -1), 'rk_')).toBe(false);
  });

  it('is a well-formed secret, labelled by its hex characters', () => {
    expect(looksLikeSecret(checksummed, 'rk_')).toBe(true);
    expect(secretLabel(checksummed, 'rk_')).toBe('rk_0123…cdef');
    expect(looksLikeSecret(`${checksummed.slice(0, -1)}x`, 'rk_')).toBe(false);
  });
});

describe('the pattern for secret scanners', () => {
  it.each(['plain', 'checksummed'] as const)('finds %s secrets in text', (format) => {
    const secret = generateSecret('sk-', random, format);
    const found = `config: API_KEY="${secret}"\n`.match(
      new RegExp(secretPattern('sk-', format), 'g'),
    );
    expect(found).toEqual([secret]);
  });

  it('under checksummed still finds plain secrets, and nothing longer', () => {
    const pattern = new RegExp(secretPattern('rk_', 'checksummed'));
    const plain = generateSecret('rk_', random);
    expect(pattern.exec(` ${plain} `)?.[0]).toBe(plain);
    expect(pattern.test(`${plain}abc`)).toBe(false);
  });
});
