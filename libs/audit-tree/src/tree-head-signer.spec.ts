import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditKeyId, verifyTreeHead } from '@keyledger/client';
import { DEV_SIGNING_KEY_FILE, loadTreeHeadSigner, TreeHeadSigner } from './tree-head-signer';

const ed25519 = () => generateKeyPairSync('ed25519').privateKey;
const root = Buffer.alloc(32, 0xab);

describe('TreeHeadSigner', () => {
  it('signs heads the offline verifier accepts, and names its key by the SPKI hash', async () => {
    const signer = new TreeHeadSigner(ed25519());
    const head = signer.sign(12, root, 1_700_000_000_000);
    expect(head).toMatchObject({ tree_size: 12, root_hash: root.toString('hex') });
    expect(head.key_id).toBe(await auditKeyId(signer.publicKey.public_key_pem));
    expect(await verifyTreeHead(head, signer.publicKey)).toBe(true);
    expect(await verifyTreeHead(head, signer.publicKey.public_key_pem)).toBe(true);
  });

  it('refuses a head with any signed field changed, or under another key', async () => {
    const signer = new TreeHeadSigner(ed25519());
    const head = signer.sign(12, root, 1_700_000_000_000);
    const other = new TreeHeadSigner(ed25519());
    for (const changed of [
      { ...head, tree_size: 13 },
      { ...head, timestamp: head.timestamp + 1 },
      { ...head, root_hash: Buffer.alloc(32, 8).toString('hex') },
      { ...head, root_hash: head.root_hash.toUpperCase() },
      { ...head, signature: other.sign(12, root, head.timestamp).signature },
      { ...head, signature: 'not base64!' },
    ]) {
      expect(await verifyTreeHead(changed, signer.publicKey)).toBe(false);
    }
    expect(await verifyTreeHead(head, other.publicKey)).toBe(false);
    expect(await verifyTreeHead({ ...head, key_id: other.publicKey.key_id }, other.publicKey)).toBe(
      false,
    );
  });

  it('refuses a key that is not Ed25519', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => new TreeHeadSigner(privateKey)).toThrow(/must be Ed25519, not ec/);
  });
});

describe('loadTreeHeadSigner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyledger-signer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads AUDIT_SIGNING_KEY_FILE (PKCS#8 PEM) and says nothing', () => {
    const file = join(dir, 'key.pem');
    const key = ed25519();
    writeFileSync(file, key.export({ format: 'pem', type: 'pkcs8' }));
    const warn = jest.fn();
    const signer = loadTreeHeadSigner({ keyFile: file, dataDir: dir, warn });
    expect(signer.publicKey).toEqual(new TreeHeadSigner(key).publicKey);
    expect(warn).not.toHaveBeenCalled();
  });

  it('names a key file it cannot use', () => {
    const file = join(dir, 'bad.pem');
    writeFileSync(file, 'not a key');
    expect(() => loadTreeHeadSigner({ keyFile: file, dataDir: dir, warn: jest.fn() })).toThrow(
      /AUDIT_SIGNING_KEY_FILE: .*bad\.pem/,
    );
  });

  it('without one, makes a development key in DATA_DIR once, readable by its owner only, and warns', () => {
    const warn = jest.fn();
    const first = loadTreeHeadSigner({ keyFile: null, dataDir: dir, warn });
    const file = join(dir, DEV_SIGNING_KEY_FILE);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    expect(loadTreeHeadSigner({ keyFile: null, dataDir: dir, warn }).publicKey).toEqual(
      first.publicKey,
    );
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/development key.*AUDIT_SIGNING_KEY_FILE/),
    );
  });
});
