import { HashIndex } from './hash-index';

/** A 64-hex-digit hash: `head` (sharing it shares the index's prefix), then `tail`, padded. */
const hashOf = (head: string, tail: string): string => `${head}${tail}`.padEnd(64, '0');

const entry = (hash: string, version = 1) => ({ hash, version });

describe('HashIndex', () => {
  it('finds entries by their whole hash, not by a shared prefix', () => {
    const index = new HashIndex<ReturnType<typeof entry>>();
    const first = entry(hashOf('deadbeef', '1'));
    const second = entry(hashOf('deadbeef', '2'));
    index.set(first);
    index.set(second);
    expect(index.get(first.hash)).toBe(first);
    expect(index.get(second.hash)).toBe(second);
    expect(index.get(hashOf('deadbeef', '3'))).toBeUndefined();
    expect(index.get(hashOf('00000000', '1'))).toBeUndefined();
  });

  it('replaces an entry with the same hash, whether it holds its prefix or collided', () => {
    const index = new HashIndex<ReturnType<typeof entry>>();
    const holder = hashOf('cafe0000', 'a');
    const collided = hashOf('cafe0000', 'b');
    index.set(entry(holder));
    index.set(entry(collided));
    index.set(entry(holder, 2));
    index.set(entry(collided, 2));
    expect(index.get(holder)?.version).toBe(2);
    expect(index.get(collided)?.version).toBe(2);
  });

  it('forgets a deleted entry and keeps the others of its prefix', () => {
    const index = new HashIndex<ReturnType<typeof entry>>();
    const [a, b, c] = ['1', '2', '3'].map((tail) => entry(hashOf('0badf00d', tail)));
    [a, b, c].forEach((e) => index.set(e));
    index.delete(a.hash);
    expect(index.get(a.hash)).toBeUndefined();
    expect(index.get(b.hash)).toBe(b);
    index.delete(c.hash);
    expect(index.get(c.hash)).toBeUndefined();
    // A collided entry re-added after its prefix was freed is still found, and deleted, once.
    index.set(entry(b.hash, 2));
    expect(index.get(b.hash)?.version).toBe(2);
    index.delete(b.hash);
    expect(index.get(b.hash)).toBeUndefined();
    index.set(a);
    expect(index.get(a.hash)).toBe(a);
  });

  it('tells apart hashes that differ only past the prefix bits, in case or shape', () => {
    const index = new HashIndex<ReturnType<typeof entry>>();
    const lower = entry(hashOf('abcdef12', ''));
    const upper = entry(hashOf('ABCDEF12', ''));
    const short = entry('ab');
    [lower, upper, short].forEach((e) => index.set(e));
    expect(index.get(lower.hash)).toBe(lower);
    expect(index.get(upper.hash)).toBe(upper);
    expect(index.get('ab')).toBe(short);
    expect(index.get('')).toBeUndefined();
  });
});
