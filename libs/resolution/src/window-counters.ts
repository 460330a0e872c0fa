import { RateLimit } from '@keyledger/domain';
import { instantText } from './instant-text';

const INITIAL_SLOTS = 1024;
const INITIAL_LIMITS = 1024;
/** Per limit: the start of the current fixed window, its count, and the previous window's. */
const FIELDS = 3;
const WINDOW = 0;
const CURRENT = 1;
const PREVIOUS = 2;

/**
 * Every key's fixed-window counters in one growable Float64Array, found by the key's ledger
 * slot: a request indexes typed arrays instead of following a pointer per key to an array of
 * its own (keys are many, and a request touches each rarely, so the chase would mostly miss the
 * cache). Limits are numbered: a key's are consecutive, from the one `firstLimitOf` answers.
 */
export class WindowCounters {
  /** By slot: the limits a key's counters count for. A KeyRateLimitsSet replaces the list, so they start afresh. */
  private rules: (readonly RateLimit[] | undefined)[] = [];
  /** By slot: the number of a key's first limit. */
  private firsts = new Int32Array(INITIAL_SLOTS);
  private numbers = new Float64Array(INITIAL_LIMITS * FIELDS);
  /** By limit: its current window's end as ISO-8601, formatted once per window instead of per request. */
  private ends: string[] = [];
  private limits = 0;

  /** The number of the first limit of the key in `slot`, counting `limits`; zeros on first use. */
  firstLimitOf(slot: number, limits: readonly RateLimit[]): number {
    const counted = this.rules[slot];
    if (counted === limits) return this.firsts[slot];
    // New limits reuse the old ones' place when it is big enough: a key leaves at most its largest behind.
    let first: number;
    if (counted !== undefined && counted.length >= limits.length) first = this.firsts[slot];
    else {
      first = this.limits;
      this.reserve(slot, limits.length);
    }
    this.numbers.fill(0, first * FIELDS, (first + limits.length) * FIELDS);
    this.firsts[slot] = first;
    this.rules[slot] = limits;
    return first;
  }

  /** Moves limit `limit` to the window starting at `start`: its current count becomes the previous one. */
  rollTo(limit: number, start: number, duration: number): void {
    const at = limit * FIELDS;
    const numbers = this.numbers;
    const current = numbers[at + WINDOW];
    // A clock that stepped back stays in the newer window: counting more is the safe side.
    if (start <= current) return;
    numbers[at + PREVIOUS] = start - current === duration ? numbers[at + CURRENT] : 0;
    numbers[at + CURRENT] = 0;
    numbers[at + WINDOW] = start;
    this.ends[limit] = instantText(start + duration);
  }

  /** The count of limit `limit`'s current window. */
  current(limit: number): number {
    return this.numbers[limit * FIELDS + CURRENT];
  }

  /** The count of limit `limit`'s previous window. */
  previous(limit: number): number {
    return this.numbers[limit * FIELDS + PREVIOUS];
  }

  /** Counts `cost` more in limit `limit`'s current window. */
  add(limit: number, cost: number): void {
    this.numbers[limit * FIELDS + CURRENT] += cost;
  }

  /** Where limit `limit`'s current window (as of its last `rollTo`) ends, in epoch ms. */
  windowEnd(limit: number, duration: number): number {
    return this.numbers[limit * FIELDS + WINDOW] + duration;
  }

  /** The same instant as ISO-8601 text. */
  windowEndText(limit: number): string {
    return this.ends[limit];
  }

  /** Forgets every key's counters. */
  clear(): void {
    this.rules = [];
    this.firsts = new Int32Array(INITIAL_SLOTS);
    this.numbers = new Float64Array(INITIAL_LIMITS * FIELDS);
    this.ends = [];
    this.limits = 0;
  }

  /** Room for `count` more limits and for `slot`; doubling keeps the copying amortised. */
  private reserve(slot: number, count: number): void {
    if (slot >= this.firsts.length) this.firsts = grown(this.firsts, slot + 1);
    this.limits += count;
    if (this.limits * FIELDS > this.numbers.length) {
      this.numbers = grown(this.numbers, this.limits * FIELDS);
    }
    // Filled in order, so the array stays packed.
    while (this.ends.length < this.limits) this.ends.push('');
  }
}

function grown<A extends Int32Array | Float64Array>(array: A, length: number): A {
  let capacity = array.length;
  while (capacity < length) capacity *= 2;
  const copy = new (array.constructor as new (length: number) => A)(capacity);
  copy.set(array);
  return copy;
}
