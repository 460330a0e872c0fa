import { CreateKeyRequest } from '@keyledger/client';
import { expectApiError } from '../client/api-error-assertions';
import { createKey, startWorld, World } from '../routing-preferences/routing-world';

describe('GET /api/v1/key: the calling key describes itself', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  it('answers any key, whatever its scopes, with itself and its ETag', async () => {
    const bodies: Partial<CreateKeyRequest>[] = [
      { scopes: ['completions'] },
      { scope: 'org', scopes: ['billing'] },
    ];
    for (const body of bodies) {
      const key = await createKey(world.alice, { ...body, name: 'me' });
      const self = await world.as({ apiKey: key.secret }).api.key.current();
      expect(self.status).toBe(200);
      expect(self.data).toMatchObject({ id: key.id, hash: key.hash, name: 'me' });
      expect(self.etag).toBe('"0"');
      expect(JSON.stringify(self.data)).not.toContain(key.secret.slice(3));
    }
  });

  it('accepts the secret as a bearer token too', async () => {
    const key = await createKey(world.alice);
    const self = await world.as(key.secret).api.key.current();
    expect(self.data.id).toBe(key.id);
  });

  it('refuses a session token with 403 api_key_required', async () => {
    await expectApiError(world.alice.api.key.current(), 403, 'api_key_required');
  });

  it('refuses no credentials, a bad token, a revoked and an unknown key', async () => {
    const key = await createKey(world.alice);
    await world.alice.api.keys.revoke(key.id);
    await expectApiError(world.anonymous.api.key.current(), 401, 'authentication_required');
    await expectApiError(world.as('not-a-jwt').api.key.current(), 401, 'invalid_token');
    await expectApiError(
      world.as({ apiKey: key.secret }).api.key.current(),
      401,
      'invalid_api_key',
    );
    await expectApiError(
      world.as({ apiKey: `rk_${'0'.repeat(64)}` }).api.key.current(),
      401,
      'invalid_api_key',
    );
  });
});
