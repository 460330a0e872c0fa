import { createKey, failedFields, startWorld, World } from '../routing-preferences/routing-world';
import { expectError } from '../support/http';
import { etagOf, KeyAnswer, keyEventsOnDisk } from '../support/key-api';
import { filesContaining } from '../support/scan-files';

describe('POST /api/v1/keys/{id}/rotate', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  const rotate = (keyId: string, body: unknown = {}) =>
    world.alice.send<KeyAnswer>('POST', `/api/v1/keys/${keyId}/rotate`, body);

  it('shows a new secret once and refuses the old one at once by default', async () => {
    const key = await createKey(world.alice, { scopes: ['completions'] });
    const rotated = await rotate(key.id);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    const secret = rotated.body.secret ?? '';
    expect(secret).toMatch(/^rk_[0-9a-f]{64}$/);
    expect(secret).not.toBe(key.secret);
    expect(rotated.body.data.hash).not.toBe(key.hash);
    expect(rotated.body.data.label).toBe(`rk_${secret.slice(3, 7)}…${secret.slice(-4)}`);
    expect(etagOf(rotated)).toBe('"1"');
    expectError(await world.as({ apiKey: key.secret }).get('/api/v1/key'), 401, 'invalid_api_key');
    const asNew = await world.as({ apiKey: secret }).get<KeyAnswer>('/api/v1/key');
    expect(asNew.body.data.id).toBe(key.id);
    const [, event] = keyEventsOnDisk(world.app.dataDir, key.id);
    expect(event.data).toMatchObject({ previous_valid_until: null });
    expect(filesContaining(world.app.dataDir, [secret.slice(3)])).toEqual([]);
  });

  it('keeps the old secret working through a grace period', async () => {
    const key = await createKey(world.alice, { scopes: ['completions'] });
    const rotated = await rotate(key.hash, { grace_period_seconds: 3600 });
    for (const secret of [key.secret, rotated.body.secret ?? '']) {
      const asKey = await world.as({ apiKey: secret }).get<KeyAnswer>('/api/v1/key');
      expect(asKey.body.data.id).toBe(key.id);
    }
    const [, event] = keyEventsOnDisk(world.app.dataDir, key.id);
    const graceEnds = Date.parse(String(event.data.previous_valid_until));
    expect(graceEnds - Date.now()).toBeGreaterThan(3500_000);
  });

  it.each([[-1], [604_801], [1.5], ['60']])(
    'refuses grace_period_seconds %p with 400 and writes nothing',
    async (grace) => {
      const key = await createKey(world.alice);
      const before = world.events();
      const refused = await rotate(key.id, { grace_period_seconds: grace });
      expectError(refused, 400, 'validation_failed');
      expect(new Set(failedFields(refused))).toEqual(new Set(['grace_period_seconds']));
      expect(world.events()).toBe(before);
    },
  );

  it('refuses to rotate a revoked key (409) and writes nothing', async () => {
    const key = await createKey(world.alice);
    await world.alice.send('DELETE', `/api/v1/keys/${key.id}`);
    const before = world.events();
    expectError(await rotate(key.id), 409, 'key_revoked');
    expect(world.events()).toBe(before);
  });
});
