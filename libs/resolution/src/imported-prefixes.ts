/**
 * The distinct prefixes imported keys' secrets start with (`sk-or-v1-`…): resolve spends a plain
 * SHA-256 on a secret only if it starts with one of them. A handful at most, so a list.
 */
export class ImportedPrefixes {
  private prefixes: readonly string[] = [];

  /** Counts a key imported with this prefix; never forgotten (a rotated key's old secret may be graced). */
  add(prefix: string): void {
    if (!this.prefixes.includes(prefix)) this.prefixes = [...this.prefixes, prefix];
  }

  /** Whether a presented value starts with an imported prefix (never, while nothing is imported). */
  admit(value: string): boolean {
    for (const prefix of this.prefixes) if (value.startsWith(prefix)) return true;
    return false;
  }
}
