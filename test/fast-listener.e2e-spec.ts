import { QueryBus } from '@nestjs/cqrs';
import { EventStore, SubscriptionDrop } from '@keyledger/event-store';
import { EVENT_STORE } from '../apps/api/src/infrastructure/tokens';
import { rawRequest } from './support/raw-http';
import { startTestApp, TestApp } from './support/test-app';

/** A request as a gateway (or anyone) might send it to one of the listener's routes. */
interface Probe {
  /** POST unless said. */
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** What a client can tell apart in an answer; generated request ids are replaced by `<id>`. */
interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | null>>;
  readonly body: unknown;
}

const COMPARED_HEADERS = [
  'content-type',
  'x-error-code',
  'retry-after',
  'www-authenticate',
  'etag',
  'x-position',
  'cache-control',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

function answerOf(
  status: number,
  header: (name: string) => string | null,
  text: string,
  givenId: string | undefined,
): Answer {
  const requestId = header('x-request-id');
  // A caller's well-formed id comes back as given; any other is generated, so it is masked.
  const kept = requestId !== null && requestId === givenId;
  const normalised = kept ? text : text.split(requestId ?? '\0').join('<id>');
  return {
    status,
    headers: Object.fromEntries([
      ...COMPARED_HEADERS.map((name) => [name, header(name)]),
      ['x-request-id', kept || requestId === null ? requestId : '<id>'],
    ]),
    body: normalised === '' ? '' : (JSON.parse(normalised) as unknown),
  };
}

/** A key as the create route answers it: its id, hash and secret. */
interface CreatedKey {
  readonly id: string;
  readonly hash: string;
  readonly secret: string;
}

async function createKey(
  app: TestApp,
  token: string,
  fields: Readonly<Record<string, unknown>>,
): Promise<CreatedKey> {
  const created = await fetch(`${app.baseUrl}/api/v1/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'probe', ...fields }),
  });
  const { data, secret } = (await created.json()) as {
    data: { id: string; hash: string };
    secret: string;
  };
  return { id: data.id, hash: data.hash, secret };
}

/** The same probe over the network (the listener) and through Fastify's inject (the controller). */
async function both(app: TestApp, probe: Probe): Promise<{ listener: Answer; fastify: Answer }> {
  const method = probe.method ?? 'POST';
  const givenId = probe.headers['x-request-id'];
  const overHttp = await rawRequest(app.baseUrl, {
    method,
    path: probe.path,
    headers: probe.headers,
    body: probe.body,
  });
  const text = typeof overHttp.body === 'string' ? overHttp.body : JSON.stringify(overHttp.body);
  const injected = await app.app.inject({
    method,
    url: probe.path,
    headers: probe.headers,
    payload: probe.body,
  });
  return {
    listener: answerOf(overHttp.status, (name) => overHttp.headers.get(name), text, givenId),
    fastify: answerOf(
      injected.statusCode,
      (name) => {
        const value = injected.headers[name];
        return value === undefined ? null : String(value);
      },
      injected.body,
      givenId,
    ),
  };
}

/**
 * The fast listener answers `POST /api/v1/resolve` and `/usage`, `GET /health` and
 * `GET /api/v1/keys/{id}` on node:http before Fastify sees them. Every probe here goes both
 * ways: over the network (the listener) and through Fastify's own inject (the controller, the
 * pipeline every other route takes), and the two answers must be the same in status, body and
 * headers.
 */
describe('the gateway calls on the fast listener answer as the Fastify routes do', () => {
  let app: TestApp;
  let secret: string;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.token('alice');
    ({ secret } = await createKey(app, token, { scopes: ['completions'] }));
  });
  afterAll(() => app.close());

  const json = { 'content-type': 'application/json' };
  const withKey = () => ({ ...json, 'x-api-key': secret });

  const resolveBodies = [
    '{"model":"openai/gpt-4o","scope":"completions"}',
    '{"model":"openai/gpt-4o"}',
    '{}',
    'null',
    '{"model":null,"scope":null}',
    '{"model":""}',
    `{"model":"${'x'.repeat(257)}"}`,
    '{"model":1}',
    '{"scope":"everything"}',
    '{"scope":"management"}',
    '{"scope":"skills"}',
    '{"secret":"in the body"}',
    '[]',
    '[{"model":"a"}]',
    '"text"',
    '5',
    'true',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"model":',
    '',
    `${'['.repeat(100)}${']'.repeat(100)}`,
    '{"model":"caf\u00e9"}',
  ];
  const usageBodies = [
    '{"cost":0.0123,"byok":false,"model":"openai/gpt-4o"}',
    '{"cost":1}',
    '{"cost":0}',
    '{"cost":-0}',
    '{}',
    'null',
    '{"cost":-1}',
    '{"cost":"1"}',
    '{"cost":1e13}',
    '{"cost":1,"byok":"yes"}',
    '{"cost":1,"byok":null}',
    '{"cost":1,"model":null}',
    '{"cost":1,"model":""}',
    '{"cost":1,"extra":true}',
    '[1]',
    '{"cost":',
    '',
  ];

  it.each(resolveBodies)('POST /api/v1/resolve with %s', async (body) => {
    const { listener, fastify } = await both(app, {
      path: '/api/v1/resolve',
      headers: withKey(),
      body,
    });
    expect(listener).toEqual(fastify);
  });

  it.each(usageBodies)('POST /api/v1/usage with %s', async (body) => {
    const { listener, fastify } = await both(app, {
      path: '/api/v1/usage',
      headers: withKey(),
      body,
    });
    expect(listener).toEqual(fastify);
  });

  it.each([
    ['no credentials', () => ({ ...json })],
    ['an unknown key', () => ({ ...json, 'x-api-key': `rk_${'0'.repeat(64)}` })],
    ['not a key', () => ({ ...json, 'x-api-key': 'not a key' })],
    ['the key as a bearer', () => ({ ...json, authorization: `Bearer ${secret}` })],
    ['a session token', () => ({ ...json, authorization: `Bearer ${token}` })],
    ['Basic credentials', () => ({ ...json, authorization: 'Basic YWxpY2U6c2VjcmV0' })],
    ['a padded key', () => ({ ...json, 'x-api-key': `  ${secret} ` })],
    [
      'a charset',
      () => ({ 'content-type': 'application/json; charset=utf-8', 'x-api-key': secret }),
    ],
    ['a request id', () => ({ ...withKey(), 'x-request-id': 'gateway-req-42' })],
    ['a malformed request id', () => ({ ...withKey(), 'x-request-id': 'not { ok }' })],
  ])('both calls with %s', async (_, headers) => {
    for (const [path, body] of [
      ['/api/v1/resolve', '{"model":"openai/gpt-4o"}'],
      ['/api/v1/usage', '{"cost":0.5}'],
      ['/api/v1/resolve?source=gateway', '{}'],
    ]) {
      const { listener, fastify } = await both(app, { path, headers: headers(), body });
      expect([path, listener]).toEqual([path, fastify]);
    }
  });

  it('a resolve without a body', async () => {
    const { listener, fastify } = await both(app, {
      path: '/api/v1/resolve',
      headers: { 'x-api-key': secret },
    });
    expect(listener).toEqual(fastify);
    expect(listener.status).toBe(200);
  });

  it('a body over the limit and a content type it does not parse are left to Fastify', async () => {
    const big = JSON.stringify({ model: 'x'.repeat(300_000) });
    for (const probe of [
      { path: '/api/v1/resolve', headers: withKey(), body: big },
      {
        path: '/api/v1/usage',
        headers: { 'content-type': 'text/plain', 'x-api-key': secret },
        body: '1',
      },
    ]) {
      const { listener, fastify } = await both(app, probe);
      expect(listener).toEqual(fastify);
      expect(listener.status).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('GET /health, /api/v1/keys/{id} and /api/v1/keys on the fast listener answer as the Fastify routes do', () => {
  let app: TestApp;
  let alice: string;
  let own: CreatedKey;
  let orgKey: CreatedKey;
  let bobsKey: CreatedKey;
  let managementKey: CreatedKey;
  let inferenceKey: CreatedKey;

  beforeAll(async () => {
    // A short read-your-writes bound: the lagging refusal comes quickly.
    app = await startTestApp({ env: { READ_YOUR_WRITES_TIMEOUT_MS: '100' } });
    alice = await app.token('alice', { orgs: [{ id: 'org_1', permissions: ['manageApiKeys'] }] });
    own = await createKey(app, alice, { scope: 'personal' });
    orgKey = await createKey(app, alice, { scope: 'org' });
    managementKey = await createKey(app, alice, { scope: 'personal', scopes: ['management'] });
    inferenceKey = await createKey(app, alice, { scope: 'personal', scopes: ['completions'] });
    bobsKey = await createKey(app, await app.token('bob'), {});
    // A disabled and a revoked key, for the list's include_disabled and include_revoked.
    const headers = { authorization: `Bearer ${alice}`, 'content-type': 'application/json' };
    const disabled = await createKey(app, alice, { name: 'disabled probe', external_id: 'cus_1' });
    const disabling = await fetch(`${app.baseUrl}/api/v1/keys/${disabled.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ disabled: true }),
    });
    const revoked = await createKey(app, alice, { name: 'revoked probe' });
    const revoking = await fetch(`${app.baseUrl}/api/v1/keys/${revoked.id}`, {
      method: 'DELETE',
      headers: { authorization: headers.authorization },
    });
    expect([disabling.status, revoking.status]).toEqual([200, 200]);
  });
  afterAll(() => app.close());

  const get = async (path: string, headers: Readonly<Record<string, string>> = {}) => {
    const { listener, fastify } = await both(app, { method: 'GET', path, headers });
    expect([path, listener]).toEqual([path, fastify]);
    return listener;
  };
  const session = () => ({ authorization: `Bearer ${alice}` });
  type Headers = () => Readonly<Record<string, string>>;
  /** The credentials each read is probed with: keys of each scope, bad ones, request ids. */
  const credentials: [string, Headers][] = [
    ['a management key', () => ({ 'x-api-key': managementKey.secret })],
    ['a management key as a bearer', () => ({ authorization: `Bearer ${managementKey.secret}` })],
    ['an inference key', () => ({ 'x-api-key': inferenceKey.secret })],
    ['no credentials', () => ({})],
    ['a malformed session token', () => ({ authorization: 'Bearer not-a-token' })],
    ['Basic credentials', () => ({ authorization: 'Basic YWxpY2U6c2VjcmV0' })],
    ['a request id', () => ({ ...session(), 'x-request-id': 'console-req-9' })],
    ['a malformed request id', () => ({ ...session(), 'x-request-id': 'not { ok }' })],
  ];
  /** X-Min-Position as each read is probed with it. */
  const minPositions: [string, Headers][] = [
    ['a reached position', () => ({ ...session(), 'x-min-position': '1' })],
    ['a position not reached in time', () => ({ ...session(), 'x-min-position': '999999' })],
    ['a malformed position', () => ({ ...session(), 'x-min-position': 'latest' })],
    ['a position without credentials', () => ({ 'x-min-position': 'latest' })],
  ];

  it('the health probe, with and without a request id or a query', async () => {
    expect((await get('/health')).status).toBe(200);
    await get('/health', { 'x-request-id': 'lb-probe-7' });
    await get('/health', { 'x-request-id': 'not { ok }' });
    await get('/health?verbose=1');
  });

  it.each([
    ['its id', () => own.id],
    ['its hash', () => own.hash],
    ['an org key of a member', () => orgKey.id],
  ])('a key by %s, with a session token', async (_, id) => {
    const answer = await get(`/api/v1/keys/${id()}`, session());
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toMatch(/^"\d+"$/);
  });

  it.each(credentials)('a key read with %s', async (_, headers) => {
    await get(`/api/v1/keys/${own.id}`, headers());
  });

  it.each([
    ['another user’s key', () => bobsKey.id],
    ['an unknown id', () => '00000000-0000-4000-8000-000000000000'],
    ['an unknown hash', () => 'f'.repeat(64)],
    ['an id of other characters', () => 'a.b'],
    ['a percent-encoded id', () => encodeURIComponent('ä')],
    ['an overlong id', () => 'a'.repeat(129)],
    ['a path below the key', () => `${own.id}/`],
  ])('%s', async (_, id) => {
    await get(`/api/v1/keys/${id()}`, session());
  });

  it('the key read over the network is the listener’s: Nest’s query bus never sees it', async () => {
    const bus = jest.spyOn(QueryBus.prototype, 'execute');
    try {
      await rawRequest(app.baseUrl, {
        method: 'GET',
        path: `/api/v1/keys/${own.id}`,
        headers: session(),
      });
      expect(bus).not.toHaveBeenCalled();
      await app.app.inject({ method: 'GET', url: `/api/v1/keys/${own.id}`, headers: session() });
      expect(bus).toHaveBeenCalledTimes(1);
    } finally {
      bus.mockRestore();
    }
  });

  it('a query string is ignored, as by the router', async () => {
    expect((await get(`/api/v1/keys/${own.id}?fields=all`, session())).status).toBe(200);
  });

  it.each(minPositions)('X-Min-Position: %s', async (_, headers) => {
    await get(`/api/v1/keys/${own.id}`, headers());
  });

  describe('GET /api/v1/keys', () => {
    const list = (query: string, headers: Readonly<Record<string, string>> = session()) =>
      get(`/api/v1/keys${query}`, headers);

    it('a first page, and each next page by its cursor, until the last', async () => {
      let answer = await list('?limit=2');
      let pages = 1;
      for (; (answer.body as { next_cursor: string | null }).next_cursor !== null; pages++) {
        const cursor = (answer.body as { next_cursor: string }).next_cursor;
        answer = await list(`?limit=2&cursor=${encodeURIComponent(cursor)}`);
        expect(answer.status).toBe(200);
      }
      expect(pages).toBeGreaterThan(1);
      const all = await list('?include_disabled=true&include_revoked=true');
      const listed = (answer: Awaited<ReturnType<typeof list>>) =>
        (answer.body as { data: unknown[] }).data.length;
      expect(listed(all)).toBe(listed(await list('')) + 2);
      expect((await list('')).status).toBe(200);
      expect((await list('?')).status).toBe(200);
    });

    it.each([
      '?limit=20',
      '?limit=1&include_disabled=true',
      '?include_revoked=true&include_disabled=false',
      '?include_revoked=true&include_disabled=true&limit=200',
      '?scope=personal',
      '?scope=org',
      '?org_id=org_1',
      '?org_id=org_other',
      '?owner=alice',
      '?external_id=cus_1',
      '?name=prob',
      '?name=PROBE&limit=1',
      '?name=caf%C3%A9',
      '?name=a+b',
      '?limit=020',
      '?limit=%32%30',
      '?cursor=',
      '?include_revoked=true&include_revoked=true',
      '?__proto__=1',
      '?constructor=1',
      '?name=%F0%9F%98%80',
      '?name=%E0%A4%A',
      '?name=x#y',
    ])('the query %s', async (query) => {
      await list(query);
    });

    it.each([
      '?limit=0',
      '?limit=201',
      '?limit=abc',
      '?limit=2.5',
      '?limit=',
      '?limit=1&limit=2',
      '?cursor=not-a-cursor',
      `?cursor=${'x'.repeat(513)}`,
      '?scope=everything',
      '?include_revoked=yes',
      '?include_disabled=TRUE',
      '?name=',
      `?name=${'x'.repeat(129)}`,
      '?org_id=',
      '?sort=name',
      '?limit=0&scope=x&name=',
    ])('the refused query %s', async (query) => {
      expect((await list(query)).status).toBe(400);
    });

    it.each([...credentials, ...minPositions])(
      'with %s, with a plain and a refused query',
      async (_, headers) => {
        await list('?limit=5', headers());
        await list('?limit=0', headers());
      },
    );

    it('the list over the network is the listener’s: Nest’s query bus never sees it', async () => {
      const bus = jest.spyOn(QueryBus.prototype, 'execute');
      try {
        for (const query of ['?limit=5', '?limit=020']) {
          const path = `/api/v1/keys${query}`;
          await rawRequest(app.baseUrl, { method: 'GET', path, headers: session() });
        }
        expect(bus).not.toHaveBeenCalled();
        await app.app.inject({ method: 'GET', url: '/api/v1/keys', headers: session() });
        expect(bus).toHaveBeenCalledTimes(1);
      } finally {
        bus.mockRestore();
      }
    });
  });

  it('reads the client address behind a trusted proxy as Fastify does: throttles the same one', async () => {
    const from = (address: string, headers: Record<string, string>) => ({
      ...headers,
      'x-forwarded-for': address,
    });
    // Every probe fails twice (over the network and injected): 20 failures in all.
    for (let i = 0; i < 10; i++) {
      await get(`/api/v1/keys/${own.id}`, from('203.0.113.7', { authorization: 'Bearer bad' }));
    }
    const { listener, fastify } = await both(app, {
      method: 'GET',
      path: `/api/v1/keys/${own.id}`,
      headers: from('203.0.113.7', session()),
    });
    // Retry-After counts down seconds: the two may straddle one.
    for (const answer of [listener, fastify]) {
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toMatch(/^\d+$/);
    }
    expect(listener.body).toEqual(fastify.body);
    expect((await get(`/api/v1/keys/${own.id}`, from('203.0.113.8', session()))).status).toBe(200);
  });

  it('a degraded and then failing event store, on /health', async () => {
    const subscriptions = app.app.get<EventStore>(EVENT_STORE).subscriptionHealth;
    const retrying: SubscriptionDrop = {
      kind: 'unavailable',
      message: 'connection reset',
      permanent: false,
      position: 1,
      attempt: 1,
      retryInMs: 100,
    };
    subscriptions.dropped({}, retrying);
    expect((await get('/health')).body).toMatchObject({ status: 'degraded' });
    subscriptions.dropped({}, { ...retrying, permanent: true, retryInMs: null });
    expect((await get('/health')).status).toBe(503);
  });
});
