import { createHash, createHmac, randomBytes } from 'node:crypto';
import { SecretGenerator } from '../shared/ports';
import {
  assertValidSecretPrefix,
  generateSecret,
  hashSecret,
  isValidSecretPrefix,
  looksLikeSecret,
  secretHasher,
  secretLabel,
  secretsEqual,
} from './secret';

const fixed: SecretGenerator = { randomHex: (bytes) => '0123456789abcdef'.repeat(bytes / 8) };
const crypto: SecretGenerator = { randomHex: (bytes) => randomBytes(bytes).toString('hex') };
const secret = generateSecret('rk_', fixed);

describe('generateSecret', () => {
  it('is the prefix then 32 random bytes as 64 lowercase hex characters', () => {
    expect(secret).toBe(`rk_${'0123456789abcdef'.repeat(4)}`);
    expect(generateSecret('sk-', crypto)).toMatch(/^sk-[0-9a-f]{64}$/);
  });

  it('asks the generator for exactly 32 bytes', () => {
    const asked: number[] = [];
    generateSecret('rk_', { randomHex: (bytes) => (asked.push(bytes), fixed.randomHex(bytes)) });
    expect(asked).toEqual([32]);
  });

  it('differs every time with a real generator', () => {
    expect(generateSecret('rk_', crypto)).not.toBe(generateSecret('rk_', crypto));
  });

  it.each(['zz', 'ABCDEF'.repeat(10) + 'ABCD', '0'.repeat(62)])(
    'refuses a generator answer %j',
    (answer) => {
      expect(() => generateSecret('rk_', { randomHex: () => answer })).toThrow(/64 lowercase hex/);
    },
  );

  it('refuses an invalid prefix', () => {
    expect(() => generateSecret('r k', fixed)).toThrow(/prefix/);
  });
});

describe('prefix format', () => {
  it.each(['rk_', 'sk-', 'a', 'A1_-', 'x'.repeat(16)])('accepts %j', (prefix) => {
    expect(isValidSecretPrefix(prefix)).toBe(true);
    expect(() => assertValidSecretPrefix(prefix)).not.toThrow();
  });

  it.each(['', 'has space', 'x'.repeat(17), 'rk/', 'rk.', 'ключ'])('refuses %j', (prefix) => {
    expect(isValidSecretPrefix(prefix)).toBe(false);
    expect(() => assertValidSecretPrefix(prefix)).toThrow(/prefix/);
  });
});

describe('looksLikeSecret', () => {
  it('accepts the prefix then 64 lowercase hex characters', () => {
    expect(looksLikeSecret(secret, 'rk_')).toBe(true);
  });

  it.each([
    ['one character short', secret.slice(0, -1)],
    ['one character long', `${secret}0`],
    ['upper-case hex', `rk_${secret.slice(3).toUpperCase()}`],
    ['another prefix', secret.replace('rk_', 'sk-')],
    ['a non-hex character', `${secret.slice(0, -1)}g`],
    ['empty', ''],
  ])('refuses a value %s', (_, value) => {
    expect(looksLikeSecret(value, 'rk_')).toBe(false);
  });
});

describe('hashSecret', () => {
  it('is SHA-256 hex without a pepper', () => {
    expect(hashSecret('abc', null)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('is HMAC-SHA-256 hex with a pepper', () => {
    expect(hashSecret('The quick brown fox jumps over the lazy dog', 'key')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('depends on the pepper and never contains the secret', () => {
    expect(hashSecret(secret, 'pepper-one')).not.toBe(hashSecret(secret, 'pepper-two'));
    expect(hashSecret(secret, 'pepper-one')).not.toBe(hashSecret(secret, null));
    expect(hashSecret(secret, null)).not.toContain(secret.slice(3, 11));
  });

  it('refuses an empty pepper, which would look keyed but is not', () => {
    expect(() => hashSecret(secret, '')).toThrow(/pepper/);
    expect(() => secretHasher('')).toThrow(/pepper/);
  });

  it.each([
    ['no pepper', null],
    ['an ASCII pepper', 'pepper-0123456789abcdef'],
    ['a pepper beyond the HMAC block size', 'p'.repeat(100)],
    ['a pepper outside ASCII', 'poivre-é-胡椒-0123456789'],
  ])(
    'hashes with %s as HMAC-SHA-256 or SHA-256 does, through the hasher a lookup keeps',
    (_name, pepper) => {
      const hasher = secretHasher(pepper);
      for (const value of [secret, generateSecret('rk_', crypto), '', 'rk_ünïcödé']) {
        const expected =
          pepper === null
            ? createHash('sha256').update(value).digest('hex')
            : createHmac('sha256', pepper).update(value).digest('hex');
        expect([hasher(value), hashSecret(value, pepper)]).toEqual([expected, expected]);
      }
    },
  );
});

describe('secretLabel', () => {
  it('shows the prefix and the first and last four hex characters', () => {
    expect(secretLabel(secret, 'rk_')).toBe('rk_0123…cdef');
    expect(secretLabel(`sk-${'a'.repeat(4)}${'0'.repeat(56)}${'b'.repeat(4)}`, 'sk-')).toBe(
      'sk-aaaa…bbbb',
    );
  });

  it('refuses to label something that is not a secret', () => {
    expect(() => secretLabel('rk_short', 'rk_')).toThrow();
  });
});

describe('secretsEqual', () => {
  const hash = hashSecret(secret, null);

  it('is true for equal values', () => {
    expect(secretsEqual(hash, hashSecret(secret, null))).toBe(true);
    expect(secretsEqual('', '')).toBe(true);
  });

  it.each([
    ['another hash', hashSecret(`${secret}x`, null)],
    ['a one-character difference', `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`],
    ['a shorter value', hash.slice(0, 10)],
    ['a prefix extended', `${hash}0`],
  ])('is false for %s', (_, other) => {
    expect(secretsEqual(hash, other)).toBe(false);
  });
});
