import { KeyledgerClient } from './keyledger-client';
import { clientOperations } from './operations';
import { ReceivedRequest, ScriptedServer, startScriptedServer } from './testing/scripted-server';

/** Answers list pages from `?cursor=`, and a create with or without a replay header. */
function answer(request: ReceivedRequest) {
  const url = new URL(request.url, 'http://x');
  if (request.method === 'GET' && url.pathname === '/api/v1/keys') {
    const cursor = url.searchParams.get('cursor');
    if (cursor === null) return { body: { data: [{ id: 'k3' }, { id: 'k2' }], next_cursor: 'c1' } };
    return { body: { data: [{ id: 'k1' }], next_cursor: null } };
  }
  if (request.method === 'POST' && url.pathname === '/api/v1/keys') {
    const replayed = request.headers['idempotency-key'] === 'again';
    return {
      status: 201,
      headers: {
        etag: '"0"',
        'x-position': '5',
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      },
      body: { data: { id: 'k1' }, secret: replayed ? null : 'rk_secret' },
    };
  }
  return { body: { data: { id: 'k1', revoked: true } } };
}

describe('KeyledgerClient (against a loopback server)', () => {
  let server: ScriptedServer;
  let client: KeyledgerClient;

  beforeAll(async () => {
    server = await startScriptedServer(answer);
    client = new KeyledgerClient({ baseUrl: server.baseUrl, auth: { bearer: 'jwt' } });
  });
  afterAll(() => server.close());

  it('iterates every page, passing the query and the cursor along', async () => {
    server.requests.length = 0;
    const ids: string[] = [];
    for await (const key of client.keys.iterate({ include_revoked: true, limit: 2 }))
      ids.push(key.id);
    expect(ids).toEqual(['k3', 'k2', 'k1']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/keys?include_revoked=true&limit=2',
      '/api/v1/keys?include_revoked=true&limit=2&cursor=c1',
    ]);
  });

  it('lifts the create envelope: the key as data, the secret and the replay beside it', async () => {
    const created = await client.keys.create({ name: 'ci' }, { idempotencyKey: 'first' });
    expect(created).toMatchObject({
      data: { id: 'k1' },
      secret: 'rk_secret',
      replayed: false,
      position: 5,
    });
    const replay = await client.keys.create({ name: 'ci' }, { idempotencyKey: 'again' });
    expect(replay).toMatchObject({ data: { id: 'k1' }, secret: null, replayed: true });
  });

  it('sends revoke reasons in the query and If-Match as a header', async () => {
    server.requests.length = 0;
    await client.keys.revoke('k1', { reason: 'off boarding', ifMatch: '"4"' });
    expect(server.requests[0]).toMatchObject({
      method: 'DELETE',
      url: '/api/v1/keys/k1?reason=off+boarding',
      headers: { 'if-match': '"4"' },
    });
  });

  it('names every operation once, by resource and method', () => {
    const names = clientOperations().map(({ name }) => name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['keys.create', 'key.current', 'routingPreferences.delete']),
    );
  });
});
