import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GithubPublicKeys } from './github-public-keys';

const body = Buffer.from('[{"token":"rk_x","type":"t","url":"https://x.test","source":"content"}]');
const pair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const signature = (key: KeyObject, bytes = body) =>
  sign('sha256', bytes, { key, dsaEncoding: 'der' }).toString('base64');

describe('GithubPublicKeys', () => {
  let dir: string;
  let file: string;
  const first = pair();
  const write = (keys: { id: string; key: KeyObject }[], mtime: number) => {
    const public_keys = keys.map(({ id, key }) => ({
      key_identifier: id,
      key: pem(key),
      is_current: true,
    }));
    writeFileSync(file, JSON.stringify({ public_keys }));
    utimesSync(file, mtime, mtime);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'github-keys-'));
    file = join(dir, 'keys.json');
    write([{ id: 'k1', key: first.publicKey }], 1_000);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies a signature by a listed key over the exact bytes', () => {
    const keys = new GithubPublicKeys(file);
    expect(keys.verifies('k1', signature(first.privateKey), body)).toBe(true);
    expect(keys.verifies('k1', signature(first.privateKey), Buffer.from(`${body} `))).toBe(false);
  });

  it.each([
    ['another key', () => ['k1', signature(pair().privateKey), body]],
    ['an unknown identifier', () => ['k2', signature(first.privateKey), body]],
    ['no signature', () => ['k1', undefined, body]],
    ['no body', () => ['k1', signature(first.privateKey), undefined]],
    ['a signature that is not DER', () => ['k1', 'bm90IERFUg==', body]],
    ['an oversized signature', () => ['k1', 'A'.repeat(257), body]],
  ])('refuses %s', (_, args) => {
    const [id, sig, bytes] = args() as [unknown, unknown, Buffer | undefined];
    expect(new GithubPublicKeys(file).verifies(id, sig, bytes)).toBe(false);
  });

  it('refuses everything without a file', () => {
    expect(new GithubPublicKeys(null).verifies('k1', signature(first.privateKey), body)).toBe(
      false,
    );
  });

  it('reads a changed file when a report names a key it lacks', () => {
    const keys = new GithubPublicKeys(file);
    const second = pair();
    write(
      [
        { id: 'k1', key: first.publicKey },
        { id: 'k2', key: second.publicKey },
      ],
      2_000,
    );
    expect(keys.verifies('k2', signature(second.privateKey), body)).toBe(true);
    // A file broken later keeps the keys read before.
    writeFileSync(file, 'not json');
    utimesSync(file, 3_000, 3_000);
    expect(keys.verifies('k1', signature(first.privateKey), body)).toBe(true);
    expect(keys.verifies('k3', signature(second.privateKey), body)).toBe(false);
  });

  it.each([
    ['not JSON', 'nope', /not JSON/],
    ['without public_keys', '{"keys":[]}', /public_keys/],
  ])('stops the start on a file %s', (_, text, message) => {
    writeFileSync(file, text);
    expect(() => new GithubPublicKeys(file)).toThrow(message);
  });

  it('stops the start on a key that is not ECDSA P-256', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    write([{ id: 'r1', key: rsa }], 1_000);
    expect(() => new GithubPublicKeys(file)).toThrow(/not an ECDSA P-256/);
  });
});
