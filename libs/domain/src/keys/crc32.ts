/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zlib and GitHub's token checksums
 * compute it. Node 20's zlib has no `crc32` (it came in Node 22), and the domain takes no package.
 */
const TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of a string's characters (ASCII: one byte each), as an unsigned 32-bit integer. */
export function crc32(ascii: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < ascii.length; i++) {
    crc = TABLE[(crc ^ ascii.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
