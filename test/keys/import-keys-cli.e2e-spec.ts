import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runToEnd } from '../projector/support/child-process';
import { resolve } from '../resolution/resolution-support';
import { call } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

const CLI = 'apps/cli/src/main.ts';
jest.setTimeout(60_000);

const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const secretOf = (n: number): string => `sk-or-v1-${n.toString(16).padStart(64, 'c')}`;
const key = (n: number, overrides: Record<string, unknown> = {}) => ({
  hash: sha256(secretOf(n)),
  prefix: 'sk-or-v1-',
  name: `cli ${n}`,
  ...overrides,
});

interface PrintedOutcome {
  readonly index: number;
  readonly status: string;
  readonly key_id: string | null;
  readonly error: { readonly code: string } | null;
}

/** `npm run cli -- keys import` against the running service, as an operator runs it. */
describe('npm run cli -- keys import', () => {
  let app: TestApp;
  let token: string;
  let dir: string;
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const ndjson = (name: string, keys: readonly object[]): string =>
    file(name, keys.map((k) => JSON.stringify(k)).join('\n') + '\n');
  const cli = (args: readonly string[], env: Record<string, string> = {}) =>
    runToEnd(CLI, ['keys', 'import', ...args], {
      KEYLEDGER_URL: app.baseUrl,
      KEYLEDGER_TOKEN: token,
      ...env,
    });
  const printed = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PrintedOutcome & { summary?: Record<string, number> });

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.token('alice', {
      orgs: [{ id: 'org_a', permissions: ['manageApiKeys'] }],
      activeOrg: null,
    });
    dir = mkdtempSync(join(tmpdir(), 'keyledger-cli-import-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  it('imports an NDJSON file in batches, says what became of each key, and exits 1 on a refusal', async () => {
    const path = ndjson('keys.ndjson', [
      key(1),
      key(2, { scope: 'org', org_id: 'org_a' }),
      key(3, { hash: 'not-a-hash' }),
      key(4, { scope: 'org', org_id: 'org_b' }),
      key(5),
    ]);
    const run = await cli([path, '--origin', 'openrouter', '--batch-size', '2']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[2]).toMatch(/^#2 refused +not-a-hash validation_failed: .*\(hash\)$/);
    expect(lines[3]).toMatch(/^#3 refused .* forbidden: /);
    expect(lines[4]).toMatch(new RegExp(`^#4 created +${sha256(secretOf(5))} \\S+$`));
    expect(lines[5]).toBe('created 3, already imported 0, refused 2');
    for (const n of [1, 2, 5]) {
      expect((await resolve(app.baseUrl, { apiKey: secretOf(n) })).status).toBe(200);
    }
  });

  it('is idempotent: the same file again finds the keys imported, in JSON as asked', async () => {
    const keys = [key(6), key(7)];
    const path = file('keys.json', JSON.stringify({ origin: 'openrouter', keys }));
    const first = await cli([path, '--json']);
    expect(first.code).toBe(0);
    const again = await cli([path, '--json']);
    expect(again.code).toBe(0);
    const [one, two, summary] = printed(again.stdout);
    expect([one.status, two.status]).toEqual(['already_imported', 'already_imported']);
    expect(one.key_id).toBe(printed(first.stdout)[0].key_id);
    expect(summary).toEqual({ summary: { created: 0, already_imported: 2, refused: 0 } });
    const imported = await call<{ data: { imported: { origin: string } } }>(
      app.baseUrl,
      'GET',
      `/api/v1/keys/${one.key_id}`,
      { auth: token },
    );
    expect(imported.body.data.imported.origin).toBe('openrouter');
  });

  it('exits 2 when the service refuses the call or the file cannot be read, naming why', async () => {
    const path = ndjson('refused.ndjson', [key(8)]);
    const unauthenticated = await cli([path], { KEYLEDGER_TOKEN: 'not-a-token' });
    expect(unauthenticated.code).toBe(2);
    expect(unauthenticated.stderr).toContain('401 invalid_token');
    expect(unauthenticated.stdout).toBe('created 0, already imported 0, refused 0\n');

    const missing = await cli([join(dir, 'missing.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.ndjson: ENOENT');

    const broken = await cli([file('broken.ndjson', `${JSON.stringify(key(9))}\n{nope\n`)]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.ndjson:2: not valid JSON');
    // Nothing of the file was sent: its one batch was never complete.
    expect((await resolve(app.baseUrl, { apiKey: secretOf(9) })).status).toBe(401);
  });
});
