/**
 * One shared copy of each repeated string and string list. Owners, orgs, tiers and scope sets
 * repeat across many keys, and events read back from a store bring a fresh copy of each.
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

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
}
