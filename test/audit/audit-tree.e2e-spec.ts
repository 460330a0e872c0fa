import {
  AuditLeaf,
  AuditPublicKey,
  ConsistencyProof,
  InclusionProof,
  KeyledgerClient,
  TreeHead,
  verifyConsistency,
  verifyInclusion,
  verifyTreeHead,
} from '@keyledger/client';
import { call, expectError } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** A history entry, as `GET /api/v1/keys/{id}/history` shows the fields a leaf covers. */
type HistoryEntry = Omit<AuditLeaf, 'stream'> & Record<string, unknown>;

/**
 * An auditor's view of a running service: heads, keys and proofs fetched over HTTP, checked by
 * the offline verifier of @keyledger/client alone, with the audit log's access rules.
 */
describe('the verifiable audit trail over HTTP', () => {
  let app: TestApp;
  let alice: string;
  let bob: string;
  const get = <T = Record<string, unknown>>(
    path: string,
    auth: string | { apiKey: string } = alice,
  ) => call<T>(app.baseUrl, 'GET', path, { auth });
  const createKey = async (auth: string, body: Record<string, unknown> = {}) => {
    const created = await call<{ data: { id: string }; secret: string }>(
      app.baseUrl,
      'POST',
      '/api/v1/keys',
      {
        auth,
        body: { name: 'key', ...body },
      },
    );
    expect(created.status).toBe(201);
    return created.body;
  };
  const keyOf = async (id: string) => {
    const keys = await get<{ data: AuditPublicKey[] }>('/api/v1/audit/public-keys');
    expect(keys.status).toBe(200);
    return keys.body.data.find((key) => key.key_id === id)!;
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { AUDIT_TREE_HEAD_EVERY: '4', AUDIT_TREE_HEAD_MS: '50' } });
    alice = await app.token('alice', { orgs: [{ id: 'org_a', permissions: ['manageApiKeys'] }] });
    bob = await app.token('bob', { orgs: [{ id: 'org_b', permissions: ['manageApiKeys'] }] });
  });
  afterAll(() => app.close());

  it("proves each event of a key's history against a signed head the auditor checks offline", async () => {
    const { data: key } = await createKey(alice, { scope: 'org', org_id: 'org_a' });
    for (const name of ['ci', 'ci-2']) {
      const renamed = await call(app.baseUrl, 'PATCH', `/api/v1/keys/${key.id}`, {
        auth: alice,
        body: { name },
      });
      expect(renamed.status).toBe(200);
    }
    const head = await get<TreeHead>('/api/v1/audit/tree-head');
    expect(head.status).toBe(200);
    expect(head.body).toEqual({
      tree_size: expect.any(Number),
      root_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      timestamp: expect.any(Number),
      key_id: expect.stringMatching(/^[0-9a-f]{64}$/),
      signature: expect.any(String),
    });
    expect(await verifyTreeHead(head.body, await keyOf(head.body.key_id))).toBe(true);

    const history = await get<{ data: HistoryEntry[] }>(`/api/v1/keys/${key.id}/history`);
    expect(history.body.data).toHaveLength(3);
    for (const entry of history.body.data) {
      const leaf: AuditLeaf = {
        id: entry.id,
        stream: `key-${key.id}`,
        revision: entry.revision,
        type: entry.type,
        data: entry.data,
        metadata: entry.metadata,
        recorded_at: entry.recorded_at,
      };
      const proof = await get<InclusionProof>(
        `/api/v1/audit/proofs/inclusion?event_id=${entry.id}&tree_size=${head.body.tree_size}`,
      );
      expect(proof.status).toBe(200);
      expect(proof.body).toEqual({
        leaf_index: expect.any(Number),
        tree_size: head.body.tree_size,
        leaf,
        audit_path: expect.any(Array),
      });
      expect(await verifyInclusion(leaf, proof.body, head.body)).toBe(true);
      expect(
        await verifyInclusion(
          { ...leaf, data: { ...(leaf.data as object), name: 'x' } },
          proof.body,
          head.body,
        ),
      ).toBe(false);
    }
  });

  it('shows that a later head extends an earlier one, and keeps every head it signed', async () => {
    const first = (await get<TreeHead>('/api/v1/audit/tree-head')).body;
    await createKey(alice);
    await createKey(bob);
    const second = (await get<TreeHead>('/api/v1/audit/tree-head')).body;
    expect(second.tree_size).toBe(first.tree_size + 2);
    const proof = await get<ConsistencyProof>(
      `/api/v1/audit/proofs/consistency?first=${first.tree_size}&second=${second.tree_size}`,
    );
    expect(proof.status).toBe(200);
    expect(proof.body).toEqual({
      first: first.tree_size,
      second: second.tree_size,
      proof: expect.any(Array),
    });
    expect(await verifyConsistency(first, second, proof.body)).toBe(true);
    expect(
      await verifyConsistency({ ...first, root_hash: second.root_hash }, second, proof.body),
    ).toBe(false);
    expect(
      (await get<TreeHead>(`/api/v1/audit/tree-head?tree_size=${first.tree_size}`)).body,
    ).toEqual(first);
    expectError(await get('/api/v1/audit/tree-head?tree_size=999999'), 404, 'not_found');
  });

  it("gives inclusion proofs only for events of the caller's audit log", async () => {
    const { data: mine } = await createKey(alice);
    const [created] = (await get<{ data: HistoryEntry[] }>(`/api/v1/keys/${mine.id}/history`)).body
      .data;
    const path = `/api/v1/audit/proofs/inclusion?event_id=${created.id}`;
    expect((await get(path)).status).toBe(200);
    expectError(await get(path, bob), 404, 'not_found');
    expectError(await get('/api/v1/audit/proofs/inclusion?event_id=nope'), 404, 'not_found');
    expectError(await call(app.baseUrl, 'GET', path), 401, 'authentication_required');
    const inference = await createKey(alice, { scopes: ['completions'] });
    for (const route of [
      path,
      '/api/v1/audit/tree-head',
      '/api/v1/audit/public-keys',
      '/api/v1/audit/proofs/consistency?first=0&second=1',
    ]) {
      expectError(await get(route, { apiKey: inference.secret }), 403, 'forbidden');
    }
    const admin = await createKey(alice, { scopes: ['management'] });
    expect((await get(path, { apiKey: admin.secret })).status).toBe(200);
  });

  it('serves the same heads and proofs through @keyledger/client, for the console and auditors', async () => {
    const client = new KeyledgerClient({ baseUrl: app.baseUrl, auth: { bearer: alice } });
    const earlier = (await client.audit.treeHead()).data;
    const { data: key } = await createKey(alice);
    const [created] = (await get<{ data: HistoryEntry[] }>(`/api/v1/keys/${key.id}/history`)).body
      .data;
    const head = (await client.audit.treeHead()).data;
    const publicKey = (await client.audit.publicKeys()).data.find((k) => k.key_id === head.key_id)!;
    expect(await verifyTreeHead(head, publicKey)).toBe(true);
    const proof = (await client.audit.inclusionProof({ event_id: created.id })).data;
    expect(proof.tree_size).toBe(head.tree_size);
    expect(await verifyInclusion(proof.leaf, proof, head)).toBe(true);
    const kept = (await client.audit.treeHead({ tree_size: earlier.tree_size })).data;
    expect(kept).toEqual(earlier);
    const consistency = (
      await client.audit.consistencyProof({ first: kept.tree_size, second: head.tree_size })
    ).data;
    expect(await verifyConsistency(kept, head, consistency)).toBe(true);
  });

  it('refuses bad sizes and ids with the fields named, and writes nothing', async () => {
    const size = (await get<TreeHead>('/api/v1/audit/tree-head')).body.tree_size;
    const fieldsOf = (body: unknown) =>
      ((body as { error: { fields?: { field: string }[] } }).error.fields ?? []).map(
        (f) => f.field,
      );
    for (const [route, field] of [
      ['/api/v1/audit/proofs/inclusion', 'event_id'],
      ['/api/v1/audit/proofs/inclusion?event_id=x&tree_size=0', 'tree_size'],
      ['/api/v1/audit/proofs/consistency?first=2', 'second'],
      ['/api/v1/audit/proofs/consistency?first=a&second=2', 'first'],
      ['/api/v1/audit/proofs/consistency?first=3&second=2', 'first'],
      [`/api/v1/audit/proofs/consistency?first=1&second=${size + 100}`, 'second'],
      ['/api/v1/audit/tree-head?tree_size=-1', 'tree_size'],
    ] as const) {
      const answer = await get(route);
      expectError(answer, 400, 'validation_failed');
      expect(fieldsOf(answer.body)).toContain(field);
    }
    expect((await get<TreeHead>('/api/v1/audit/tree-head')).body.tree_size).toBe(size);
  });

  it('goes on from its stored tree after a restart, consistent with the heads before it', async () => {
    const before = (await get<TreeHead>('/api/v1/audit/tree-head')).body;
    await app.close({ keepData: true });
    app = await startTestApp({ dataDir: app.dataDir });
    alice = await app.token('alice', { orgs: [{ id: 'org_a', permissions: ['manageApiKeys'] }] });
    await createKey(alice);
    const after = (await get<TreeHead>('/api/v1/audit/tree-head')).body;
    expect(after.tree_size).toBe(before.tree_size + 1);
    const proof = await get<ConsistencyProof>(
      `/api/v1/audit/proofs/consistency?first=${before.tree_size}&second=${after.tree_size}`,
    );
    expect(await verifyConsistency(before, after, proof.body)).toBe(true);
    expect(await verifyTreeHead(after, await keyOf(after.key_id))).toBe(true);
  });
});
