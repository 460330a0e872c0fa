import { RateLimit } from '@keyledger/domain';

/**
 * One shared copy of each repeated string, string list and rate-limit list. Owners, orgs, tiers and scope sets
 * repeat across many keys, and events read back from a store bring a fresh copy of each.
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();
  private readonly rateLimitLists = new Map<string, readonly RateLimit[]>();

  /** The shared copy of `value`. */
  string(value: string): string {
    const shared = this.strings.get(value);
    if (shared !== undefined) return shared;
    this.strings.set(value, value);
    return value;
  }

  /** The shared copy of `value`, or null. */
  nullable<T extends string>(value: T | null): T | null {
    return value === null ? null : (this.string(value) as T);
  }

  /** The shared, frozen copy of a list with these strings in this order. */
  list(values: readonly string[]): readonly string[] {
    // The unit separator cannot occur in the names interned here, so joined lists are unambiguous.
    const id = values.join('\u001f');
    const shared = this.lists.get(id);
    if (shared !== undefined) return shared;
    const list = Object.freeze(values.map((value) => this.string(value)));
    this.lists.set(id, list);
    return list;
  }

  /**
   * The shared, frozen copy of a list of rate limits. Keys of one plan carry the same limits: a
   * request reads the shared copy, which stays in cache, instead of each key's own.
   */
  rateLimits(values: readonly RateLimit[]): readonly RateLimit[] {
    const id = JSON.stringify(
      values.map(({ name, limit, duration_ms }) => [name, limit, duration_ms]),
    );
    const shared = this.rateLimitLists.get(id);
    if (shared !== undefined) return shared;
    const list = Object.freeze(
      values.map(({ name, limit, duration_ms }) =>
        Object.freeze({ name: this.string(name), limit, duration_ms }),
      ),
    );
    this.rateLimitLists.set(id, list);
    return list;
  }
}
