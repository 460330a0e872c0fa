import { createKey, startWorld, World } from '../routing-preferences/routing-world';
import { expectError } from '../support/http';
import { etagOf, KeyAnswer } from '../support/key-api';

describe('GET /api/v1/key: the calling key describes itself', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  it('answers any key, whatever its scopes, with itself and its ETag', async () => {
    for (const body of [{ scopes: ['completions'] }, { scope: 'org', scopes: ['billing'] }]) {
      const key = await createKey(world.alice, { ...body, name: 'me' });
      const self = await world.as({ apiKey: key.secret }).get<KeyAnswer>('/api/v1/key');
      expect(self.status).toBe(200);
      expect(self.body.data).toMatchObject({ id: key.id, hash: key.hash, name: 'me' });
      expect(etagOf(self)).toBe('"0"');
      expect(JSON.stringify(self.body)).not.toContain(key.secret.slice(3));
    }
  });

  it('accepts the secret as a bearer token too', async () => {
    const key = await createKey(world.alice);
    const self = await world.as(key.secret).get<KeyAnswer>('/api/v1/key');
    expect(self.body.data.id).toBe(key.id);
  });

  it('refuses a session token with 403 api_key_required', async () => {
    expectError(await world.alice.get('/api/v1/key'), 403, 'api_key_required');
  });

  it('refuses no credentials, a bad token, a revoked and an unknown key', async () => {
    const key = await createKey(world.alice);
    await world.alice.send('DELETE', `/api/v1/keys/${key.id}`);
    expectError(await world.anonymous.get('/api/v1/key'), 401, 'authentication_required');
    expectError(await world.as('not-a-jwt').get('/api/v1/key'), 401, 'invalid_token');
    expectError(await world.as({ apiKey: key.secret }).get('/api/v1/key'), 401, 'invalid_api_key');
    expectError(
      await world.as({ apiKey: `rk_${'0'.repeat(64)}` }).get('/api/v1/key'),
      401,
      'invalid_api_key',
    );
  });
});
