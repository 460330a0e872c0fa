import { ScriptedAnswer, ScriptedServer, startScriptedServer } from '../testing/scripted-server';
import { KeyledgerApiError } from './keyledger-api-error';
import { operation } from './operation';
import { Transport } from './transport';

describe('Transport (against a loopback server)', () => {
  let server: ScriptedServer;
  let next: ScriptedAnswer;

  beforeAll(async () => {
    server = await startScriptedServer(() => next);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    next = { status: 200, body: { ok: true } };
  });

  const patch = operation('PATCH', '/api/v1/keys/{id}');
  const last = () => server.requests[server.requests.length - 1];
  const rejection = async (call: Promise<unknown>): Promise<KeyledgerApiError> => {
    const error: unknown = await call.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof KeyledgerApiError))
      throw new Error(`expected a KeyledgerApiError, got ${String(error)}`);
    return error;
  };

  it('sends method, filled path, query, JSON body and the option headers', async () => {
    const transport = new Transport({ baseUrl: `${server.baseUrl}/`, auth: { bearer: 'jwt' } });
    await transport.call(patch, {
      params: { id: 'k 1' },
      query: { reason: 'leak', skipped: undefined },
      body: { name: 'renamed' },
      options: { ifMatch: 2, idempotencyKey: 'i-1', minPosition: 40 },
    });
    expect(last()).toMatchObject({
      method: 'PATCH',
      url: '/api/v1/keys/k%201?reason=leak',
      body: '{"name":"renamed"}',
      headers: {
        authorization: 'Bearer jwt',
        'content-type': 'application/json',
        accept: 'application/json',
        'if-match': '"2"',
        'idempotency-key': 'i-1',
        'x-min-position': '40',
      },
    });
  });

  it('sends no body and no content type when there is none, and an API key when given one', async () => {
    await new Transport({ baseUrl: server.baseUrl, auth: { apiKey: 'rk_1' } }).call(
      operation('DELETE', '/x'),
    );
    expect(last().body).toBe('');
    expect(last().headers['content-type']).toBeUndefined();
    expect(last().headers['x-api-key']).toBe('rk_1');
    expect(last().headers.authorization).toBeUndefined();
  });

  it('answers data, status, ETag, revision, X-Position and the headers', async () => {
    next = {
      status: 201,
      headers: { etag: '"0"', 'x-position': '17', 'cache-control': 'no-store' },
      body: { data: { id: 'k1' } },
    };
    const response = await new Transport({ baseUrl: server.baseUrl }).call(
      operation('POST', '/x'),
      {
        body: {},
      },
    );
    expect(response).toMatchObject({
      status: 201,
      data: { data: { id: 'k1' } },
      etag: '"0"',
      revision: 0,
      position: 17,
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers null data for an empty 204', async () => {
    next = { status: 204, headers: { 'x-position': '3' } };
    const response = await new Transport({ baseUrl: server.baseUrl }).call(
      operation('DELETE', '/x'),
    );
    expect(response).toMatchObject({ status: 204, data: null, position: 3 });
  });

  it('rejects a refusal with a KeyledgerApiError carrying the SPEC §7 body and headers', async () => {
    next = {
      status: 412,
      headers: { 'x-error-code': 'precondition_failed' },
      body: { error: { code: 'precondition_failed', message: 'Stale.', request_id: 'req-9' } },
    };
    const error = await rejection(
      new Transport({ baseUrl: server.baseUrl }).call(patch, { params: { id: 'k' } }),
    );
    expect(error).toMatchObject({
      status: 412,
      code: 'precondition_failed',
      message: 'Stale.',
      request_id: 'req-9',
      fields: [],
    });
    expect(error.headers.get('x-error-code')).toBe('precondition_failed');
  });

  it('rejects a 2xx body that is not JSON with invalid_response', async () => {
    next = { status: 200, body: '<html>captive portal</html>' };
    const error = await rejection(
      new Transport({ baseUrl: server.baseUrl }).call(operation('GET', '/x')),
    );
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const viaProxy: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    await new Transport({ baseUrl: server.baseUrl, fetch: viaProxy }).call(operation('GET', '/y'));
    expect(seen).toEqual([`${server.baseUrl}/y`]);
  });
});
