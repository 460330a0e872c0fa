/** What an index entry is found by: its secret's hash (lowercase hex). */
export interface Hashed {
  readonly hash: string;
}

/** The value of one hex digit (0-9, a-f, A-F); any other character maps to some number too. */
const hexDigit = (code: number): number => (code & 15) + 9 * (code >> 6);

/**
 * The first 30 bits of a hex hash, as a small integer (a V8 Smi on every platform). Defined
 * for any string, so an index keyed by it never needs the hash to be well-formed.
 */
function hashPrefix(hash: string): number {
  let prefix = 0;
  for (let i = 0; i < 7; i++) prefix = (prefix << 4) | hexDigit(hash.charCodeAt(i));
  return (prefix << 2) | (hexDigit(hash.charCodeAt(7)) >> 2);
}

/**
 * Entries by hash, keyed by the hash's first 30 bits: a Map keyed by a small integer does not
 * hash the 64-character string on every lookup (that cost about as much as the rest of the
 * lookup), and the full hash is then compared once. The rare entry whose prefix another entry
 * held when it was added is kept by its full hash instead (about 500 of 1M keys).
 */
export class HashIndex<E extends Hashed> {
  private readonly byPrefix = new Map<number, E>();
  private readonly collided = new Map<string, E>();

  /** The entry with this hash. */
  get(hash: string): E | undefined {
    const entry = this.byPrefix.get(hashPrefix(hash));
    if (entry !== undefined && entry.hash === hash) return entry;
    return this.collided.size === 0 ? undefined : this.collided.get(hash);
  }

  /** Adds `entry` under its hash, or replaces the entry with the same hash. */
  set(entry: E): void {
    const { hash } = entry;
    if (this.collided.size > 0 && this.collided.has(hash)) {
      this.collided.set(hash, entry);
      return;
    }
    const prefix = hashPrefix(hash);
    const holder = this.byPrefix.get(prefix);
    if (holder === undefined || holder.hash === hash) this.byPrefix.set(prefix, entry);
    else this.collided.set(hash, entry);
  }

  /** Forgets the entry with this hash (an entry collided once stays kept by its full hash). */
  delete(hash: string): void {
    const prefix = hashPrefix(hash);
    if (this.byPrefix.get(prefix)?.hash === hash) this.byPrefix.delete(prefix);
    else this.collided.delete(hash);
  }
}
