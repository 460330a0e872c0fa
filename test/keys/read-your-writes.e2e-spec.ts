import { ProjectionRunner } from '@keyledger/read-models';
import { call, expectError } from '../support/http';
import { etagOf, KeyAnswer } from '../support/key-api';
import { startTestApp, TestApp } from '../support/test-app';

describe('key reads: ETag, and read-your-writes with X-Min-Position', () => {
  let app: TestApp;
  let alice: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { READ_YOUR_WRITES_TIMEOUT_MS: '200' } });
    alice = await app.token('alice');
  });
  afterAll(() => app.close());

  const get = (path: string, headers?: Record<string, string>) =>
    call<KeyAnswer>(app.baseUrl, 'GET', path, { auth: alice, headers });
  const send = (method: string, path: string, body: unknown) =>
    call<KeyAnswer>(app.baseUrl, method, path, { auth: alice, body });

  it('gives GET the ETag of the revision it shows, usable for If-Match', async () => {
    const created = await send('POST', '/api/v1/keys', { name: 'v0' });
    const path = `/api/v1/keys/${created.body.data.id}`;
    expect(etagOf(await get(path))).toBe('"0"');
    await send('PATCH', path, { name: 'v1' });
    const read = await get(`/api/v1/keys/${created.body.data.hash}`);
    expect(etagOf(read)).toBe('"1"');
    const patched = await call(app.baseUrl, 'PATCH', path, {
      auth: alice,
      body: { name: 'v2' },
      headers: { 'if-match': etagOf(read) ?? '' },
    });
    expect(patched.status).toBe(200);
  });

  it('serves a read at once when the read models already hold the position', async () => {
    const created = await send('POST', '/api/v1/keys', { name: 'fresh' });
    const position = created.headers.get('x-position') ?? '';
    for (const path of ['/api/v1/keys', `/api/v1/keys/${created.body.data.id}`]) {
      expect((await get(path, { 'x-min-position': position })).status).toBe(200);
    }
  });

  it.each([['-1'], ['soon'], ['1.5'], ['9'.repeat(16)]])(
    'refuses X-Min-Position %p with 400 invalid_min_position',
    async (header) => {
      expectError(
        await get('/api/v1/keys', { 'x-min-position': header }),
        400,
        'invalid_min_position',
      );
    },
  );

  it('answers 503 read_model_lagging with Retry-After while the read models are behind', async () => {
    const earlier = await send('POST', '/api/v1/keys', { name: 'before' });
    const runner = app.app.get(ProjectionRunner);
    await runner.stop();
    const created = await send('POST', '/api/v1/keys', { name: 'while stopped' });
    const earlierPath = `/api/v1/keys/${earlier.body.data.id}`;
    expect((await send('PATCH', earlierPath, { name: 'after' })).status).toBe(202);
    // A read that does not wait shows the older state, with the ETag of exactly that state.
    const stale = await get(earlierPath);
    expect({ name: stale.body.data.name, etag: etagOf(stale) }).toEqual({
      name: 'before',
      etag: '"0"',
    });
    // Stored, but not visible within the bound: the write says so with 202 and no data.
    expect({ status: created.status, data: created.body.data }).toEqual({
      status: 202,
      data: null,
    });
    const position = created.headers.get('x-position') ?? '';
    const lagging = await get('/api/v1/keys', { 'x-min-position': position });
    expectError(lagging, 503, 'read_model_lagging');
    expect(lagging.headers.get('retry-after')).toBe('1');
    await runner.start();
    const caughtUp = await call<{ data: { name: string }[] }>(app.baseUrl, 'GET', '/api/v1/keys', {
      auth: alice,
      headers: { 'x-min-position': position },
    });
    expect(caughtUp.body.data.map((key) => key.name)).toContain('while stopped');
  });
});
