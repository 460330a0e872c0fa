import { KeyledgerClient } from '@keyledger/client';
import { ProjectionRunner } from '@keyledger/read-models';
import { expectApiError } from '../client/api-error-assertions';
import { call, expectError } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

describe('key reads: ETag, and read-your-writes with X-Min-Position', () => {
  let app: TestApp;
  let alice: string;
  let client: KeyledgerClient;

  beforeAll(async () => {
    app = await startTestApp({ env: { READ_YOUR_WRITES_TIMEOUT_MS: '200' } });
    alice = await app.token('alice');
    client = new KeyledgerClient({ baseUrl: app.baseUrl, auth: { bearer: alice } });
  });
  afterAll(() => app.close());

  /** Creates a key and returns its id, hash and write position (fails unless it is visible). */
  const created = async (name: string) => {
    const answer = await client.keys.create({ name });
    if (answer.data === null) throw new Error('the created key is not visible yet');
    return { ...answer.data, position: answer.position };
  };

  it('gives GET the ETag of the revision it shows, usable for If-Match', async () => {
    const key = await created('v0');
    expect((await client.keys.get(key.id)).etag).toBe('"0"');
    await client.keys.update(key.id, { name: 'v1' });
    const read = await client.keys.get(key.hash);
    expect(read.etag).toBe('"1"');
    const patched = await client.keys.update(key.id, { name: 'v2' }, { ifMatch: read.etag });
    expect(patched.status).toBe(200);
  });

  it('serves a read at once when the read models already hold the position', async () => {
    const key = await created('fresh');
    const minPosition = key.position;
    expect(minPosition).toEqual(expect.any(Number));
    expect((await client.keys.list({}, { minPosition })).status).toBe(200);
    expect((await client.keys.get(key.id, { minPosition })).status).toBe(200);
  });

  // Malformed headers on purpose: sent raw.
  it.each([['-1'], ['soon'], ['1.5'], ['9'.repeat(16)]])(
    'refuses X-Min-Position %p with 400 invalid_min_position',
    async (header) => {
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys', {
          auth: alice,
          headers: { 'x-min-position': header },
        }),
        400,
        'invalid_min_position',
      );
    },
  );

  it('answers 503 read_model_lagging with Retry-After while the read models are behind', async () => {
    const earlier = await created('before');
    const runner = app.app.get(ProjectionRunner);
    await runner.stop();
    const whileStopped = await client.keys.create({ name: 'while stopped' });
    expect((await client.keys.update(earlier.id, { name: 'after' })).status).toBe(202);
    // A read that does not wait shows the older state, with the ETag of exactly that state.
    const stale = await client.keys.get(earlier.id);
    expect({ name: stale.data.name, etag: stale.etag }).toEqual({ name: 'before', etag: '"0"' });
    // Stored, but not visible within the bound: the write says so with 202 and no data.
    expect({ status: whileStopped.status, data: whileStopped.data }).toEqual({
      status: 202,
      data: null,
    });
    const minPosition = whileStopped.position;
    const lagging = await expectApiError(
      client.keys.list({}, { minPosition }),
      503,
      'read_model_lagging',
    );
    expect(lagging.headers.get('retry-after')).toBe('1');
    await runner.start();
    const caughtUp = await client.keys.list({}, { minPosition });
    expect(caughtUp.data.map((key) => key.name)).toContain('while stopped');
  });
});
