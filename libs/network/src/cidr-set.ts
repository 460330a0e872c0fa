import { CidrWords, parseAddressWords, wordMask } from './cidr-words';

/** Words per network in the table: four of address, four of mask. */
const STRIDE = 8;
const MAPPED_WORD_2 = 0xffff;

/**
 * A compiled allowlist of networks, built once when a key's allowlist is folded and asked on
 * every request. `contains` parses a dotted-quad IPv4 address by hand into a number and compares
 * it with typed-array rows: no allocation, no regex. Other text goes through the IPv6 parser,
 * whose answers for the last few hundred texts are remembered.
 */
export class CidrSet {
  private readonly table: Uint32Array;

  constructor(cidrs: readonly CidrWords[]) {
    this.table = new Uint32Array(cidrs.length * STRIDE);
    cidrs.forEach((cidr, row) => {
      for (let i = 0; i < 4; i++) {
        this.table[row * STRIDE + i] = cidr.words[i];
        this.table[row * STRIDE + 4 + i] = wordMask(cidr.prefix, i);
      }
    });
  }

  /** How many networks the set holds. */
  get size(): number {
    return this.table.length / STRIDE;
  }

  /** Whether the address (IPv4, IPv6 or IPv4-mapped IPv6) lies in one of the networks; false for non-addresses. */
  contains(address: string): boolean {
    const v4 = dottedQuad(address);
    if (v4 !== -1) return this.containsWords(0, 0, MAPPED_WORD_2, v4);
    const words = recentAddressWords(address);
    return words !== null && this.containsWords(words[0], words[1], words[2], words[3]);
  }

  private containsWords(w0: number, w1: number, w2: number, w3: number): boolean {
    const table = this.table;
    for (let row = 0; row < table.length; row += STRIDE) {
      if (
        (w3 & table[row + 7]) >>> 0 === table[row + 3] &&
        (w2 & table[row + 6]) >>> 0 === table[row + 2] &&
        (w1 & table[row + 5]) >>> 0 === table[row + 1] &&
        (w0 & table[row + 4]) >>> 0 === table[row]
      )
        return true;
    }
    return false;
  }
}

/** Non-IPv4 texts remembered: a gateway's callers repeat, and IPv6 parsing allocates. */
const REMEMBERED_ADDRESSES = 256;
const recentWords = new Map<string, readonly number[] | null>();

/** `parseAddressWords`, remembered for the last few hundred distinct texts. */
function recentAddressWords(text: string): readonly number[] | null {
  let words = recentWords.get(text);
  if (words === undefined) {
    if (recentWords.size >= REMEMBERED_ADDRESSES) recentWords.clear();
    words = parseAddressWords(text);
    recentWords.set(text, words);
  }
  return words;
}

const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** The address as an unsigned 32-bit number if it is strict four-part decimal IPv4, else -1. */
function dottedQuad(text: string): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i === text.length ? DOT : text.charCodeAt(i);
    if (code === DOT) {
      if (digits === 0 || parts === 4) return -1;
      value = value * 256 + octet;
      parts++;
      octet = 0;
      digits = 0;
    } else if (code >= ZERO && code <= NINE) {
      // A leading zero would read as octal elsewhere: refused, like every other form but a.b.c.d.
      if (digits > 0 && octet === 0) return -1;
      octet = octet * 10 + (code - ZERO);
      if (++digits > 3 || octet > 255) return -1;
    } else return -1;
  }
  return parts === 4 ? value : -1;
}
