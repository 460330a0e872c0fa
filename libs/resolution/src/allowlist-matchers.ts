import { CidrSet, parseCidrWords } from '@keyledger/network';

/**
 * Compiles keys' IP allowlists into matchers when the model folds them, so a request compares
 * numbers and parses no CIDR. Keys often share a list (an org's egress ranges): one matcher
 * serves all of them.
 */
export class AllowlistMatchers {
  /** Each distinct allowlist's matcher, by its canonical CIDRs joined. */
  private readonly matchers = new Map<string, CidrSet>();

  /** The matcher of a list of canonical CIDRs; null for an empty list (no allowlist). */
  matcherFor(list: readonly string[]): CidrSet | null {
    if (list.length === 0) return null;
    const text = list.join(',');
    let set = this.matchers.get(text);
    if (set === undefined) {
      set = new CidrSet(list.flatMap((cidr) => parseCidrWords(cidr) ?? []));
      this.matchers.set(text, set);
    }
    return set;
  }
}
