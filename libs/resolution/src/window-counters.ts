import { RateLimit } from '@keyledger/domain';

const INITIAL_SLOTS = 1024;
const INITIAL_NUMBERS = 4096;

/**
 * Every key's rate-limit counters in one growable Float64Array, a region of `fields` numbers per
 * limit for each key, found by the key's ledger slot. A request reads two typed arrays it
 * indexes straight into, instead of following a pointer per key to an array of its own: keys
 * are many and a request touches each one rarely, so the chase would mostly miss the cache.
 */
export class WindowCounters {
  /** By slot: the limits a key's region counts for. A KeyRateLimitsSet replaces the list, so its region starts afresh. */
  private rules: (readonly RateLimit[] | undefined)[] = [];
  /** By slot: where a key's region starts in `numbers`. */
  private starts = new Int32Array(INITIAL_SLOTS);
  private numbers = new Float64Array(INITIAL_NUMBERS);
  private used = 0;

  constructor(private readonly fields: number) {}

  /** The numbers every region lives in (a new array after growth: read it after `regionOf`). */
  get values(): Float64Array {
    return this.numbers;
  }

  /** Where the region of the key in `slot`, counting `limits`, starts; zeros on first use. */
  regionOf(slot: number, limits: readonly RateLimit[]): number {
    const counted = this.rules[slot];
    if (counted === limits) return this.starts[slot];
    const size = limits.length * this.fields;
    // New limits reuse the old region when it is big enough: a key leaves at most its largest behind.
    let start: number;
    if (counted !== undefined && counted.length >= limits.length) start = this.starts[slot];
    else {
      start = this.used;
      this.used += size;
      this.reserve(slot);
      this.starts[slot] = start;
    }
    this.numbers.fill(0, start, start + size);
    this.rules[slot] = limits;
    return start;
  }

  /** Forgets every key's counters. */
  clear(): void {
    this.rules = [];
    this.starts = new Int32Array(INITIAL_SLOTS);
    this.numbers = new Float64Array(INITIAL_NUMBERS);
    this.used = 0;
  }

  /** Doubling keeps the copying amortised to a constant per number. */
  private reserve(slot: number): void {
    if (slot >= this.starts.length) this.starts = grown(this.starts, slot + 1);
    if (this.used > this.numbers.length) this.numbers = grown(this.numbers, this.used);
  }
}

function grown<A extends Int32Array | Float64Array>(array: A, length: number): A {
  let capacity = array.length;
  while (capacity < length) capacity *= 2;
  const copy = new (array.constructor as new (length: number) => A)(capacity);
  copy.set(array);
  return copy;
}
