import { createHash } from 'node:crypto';

/*
 * RFC 9162 §2.1 written as the RFC states it, recursively over a list of leaf data: obviously
 * faithful, so the stored tree and the verifier are checked against it. MTH of each range is
 * memoised, only so that every proof of every size up to a few hundred stays quick to list.
 */

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

const largestPowerOfTwoBelow = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** The RFC's MTH, PATH and PROOF over D = `leaves`; D[a:b] is the leaves from a to b. */
export class ReferenceTree {
  private readonly memo = new Map<string, Buffer>();

  constructor(readonly leaves: readonly Uint8Array[]) {}

  /** MTH(D[a:b]). */
  mth(a: number, b: number): Buffer {
    const key = `${a}:${b}`;
    let hash = this.memo.get(key);
    if (hash === undefined) {
      const n = b - a;
      if (n === 0) hash = sha256();
      else if (n === 1) hash = sha256(Buffer.from([0]), this.leaves[a]);
      else {
        const k = largestPowerOfTwoBelow(n);
        hash = sha256(Buffer.from([1]), this.mth(a, a + k), this.mth(a + k, b));
      }
      this.memo.set(key, hash);
    }
    return hash;
  }

  /** PATH(m, D[n]). */
  path(m: number, n: number, a = 0): Buffer[] {
    if (n <= 1) return [];
    const k = largestPowerOfTwoBelow(n);
    return m < k
      ? [...this.path(m, k, a), this.mth(a + k, a + n)]
      : [...this.path(m - k, n - k, a + k), this.mth(a, a + k)];
  }

  /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), for 0 < m ≤ n. */
  proof(m: number, n: number): Buffer[] {
    return this.subproof(m, n, true, 0);
  }

  private subproof(m: number, n: number, b: boolean, a: number): Buffer[] {
    if (m === n) return b ? [] : [this.mth(a, a + n)];
    const k = largestPowerOfTwoBelow(n);
    return m <= k
      ? [...this.subproof(m, k, b, a), this.mth(a + k, a + n)]
      : [...this.subproof(m - k, n - k, false, a + k), this.mth(a, a + k)];
  }
}
