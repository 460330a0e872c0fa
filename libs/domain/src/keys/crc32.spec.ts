import { crc32 } from './crc32';

describe('crc32', () => {
  it.each([
    ['', 0],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('of %j is the IEEE CRC-32 zlib computes', (text, expected) => {
    expect(crc32(text)).toBe(expected);
  });
});
