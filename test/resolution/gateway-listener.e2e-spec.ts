import { rawRequest } from '../support/raw-http';
import { startTestApp, TestApp } from '../support/test-app';

/** A request as a gateway (or anyone) might send it to one of the two calls. */
interface Probe {
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

/**
 * The gateway listener answers `POST /api/v1/resolve` and `/usage` on node:http before Fastify
 * sees them. Every probe here goes both ways: over the network (the listener) and through
 * Fastify's own inject (the controller, the pipeline every other route takes), and the two
 * answers must be the same in status, body and headers.
 */
describe('the gateway listener answers as the Fastify routes do', () => {
  let app: TestApp;
  let secret: string;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.token('alice');
    const created = await fetch(`${app.baseUrl}/api/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'probe', scopes: ['completions'] }),
    });
    secret = ((await created.json()) as { secret: string }).secret;
  });
  afterAll(() => app.close());

  async function both(probe: Probe): Promise<{ listener: Answer; fastify: Answer }> {
    const givenId = probe.headers['x-request-id'];
    const overHttp = await rawRequest(app.baseUrl, {
      method: 'POST',
      path: probe.path,
      headers: probe.headers,
      body: probe.body,
    });
    const text = typeof overHttp.body === 'string' ? overHttp.body : JSON.stringify(overHttp.body);
    const injected = await app.app.inject({
      method: 'POST',
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
    const { listener, fastify } = await both({ path: '/api/v1/resolve', headers: withKey(), body });
    expect(listener).toEqual(fastify);
  });

  it.each(usageBodies)('POST /api/v1/usage with %s', async (body) => {
    const { listener, fastify } = await both({ path: '/api/v1/usage', headers: withKey(), body });
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
      const { listener, fastify } = await both({ path, headers: headers(), body });
      expect([path, listener]).toEqual([path, fastify]);
    }
  });

  it('a resolve without a body', async () => {
    const { listener, fastify } = await both({
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
      const { listener, fastify } = await both(probe);
      expect(listener).toEqual(fastify);
      expect(listener.status).toBeGreaterThanOrEqual(400);
    }
  });
});
