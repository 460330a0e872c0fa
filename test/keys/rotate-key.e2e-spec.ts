import { expectApiError } from '../client/api-error-assertions';
import { createKey, failedFields, startWorld, World } from '../routing-preferences/routing-world';
import { expectError } from '../support/http';
import { KeyAnswer, keyEventsOnDisk } from '../support/key-api';
import { filesContaining } from '../support/scan-files';

describe('POST /api/v1/keys/{id}/rotate', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  const rotate = (keyId: string, gracePeriodSeconds?: number) =>
    world.alice.api.keys.rotate(keyId, { grace_period_seconds: gracePeriodSeconds });

  it('shows a new secret once and refuses the old one at once by default', async () => {
    const key = await createKey(world.alice, { scopes: ['completions'] });
    const rotated = await rotate(key.id);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    const secret = rotated.secret ?? '';
    expect(secret).toMatch(/^rk_[0-9a-f]{64}$/);
    expect(secret).not.toBe(key.secret);
    expect(rotated.data?.hash).not.toBe(key.hash);
    expect(rotated.data?.label).toBe(`rk_${secret.slice(3, 7)}…${secret.slice(-4)}`);
    expect(rotated.etag).toBe('"1"');
    await expectApiError(
      world.as({ apiKey: key.secret }).api.key.current(),
      401,
      'invalid_api_key',
    );
    const asNew = await world.as({ apiKey: secret }).api.key.current();
    expect(asNew.data.id).toBe(key.id);
    const [, event] = keyEventsOnDisk(world.app.dataDir, key.id);
    expect(event.data).toMatchObject({ previous_valid_until: null });
    expect(filesContaining(world.app.dataDir, [secret.slice(3)])).toEqual([]);
  });

  it('keeps the old secret working through a grace period', async () => {
    const key = await createKey(world.alice, { scopes: ['completions'] });
    const rotated = await rotate(key.hash, 3600);
    for (const secret of [key.secret, rotated.secret ?? '']) {
      const asKey = await world.as({ apiKey: secret }).api.key.current();
      expect(asKey.data.id).toBe(key.id);
    }
    const [, event] = keyEventsOnDisk(world.app.dataDir, key.id);
    const graceEnds = Date.parse(String(event.data.previous_valid_until));
    expect(graceEnds - Date.now()).toBeGreaterThan(3500_000);
  });

  // Invalid bodies on purpose: sent raw.
  it.each([[-1], [604_801], [1.5], ['60']])(
    'refuses grace_period_seconds %p with 400 and writes nothing',
    async (grace) => {
      const key = await createKey(world.alice);
      const before = world.events();
      const refused = await world.alice.send<KeyAnswer>('POST', `/api/v1/keys/${key.id}/rotate`, {
        grace_period_seconds: grace,
      });
      expectError(refused, 400, 'validation_failed');
      expect(new Set(failedFields(refused))).toEqual(new Set(['grace_period_seconds']));
      expect(world.events()).toBe(before);
    },
  );

  it('refuses to rotate a revoked key (409) and writes nothing', async () => {
    const key = await createKey(world.alice);
    await world.alice.api.keys.revoke(key.id);
    const before = world.events();
    await expectApiError(rotate(key.id), 409, 'key_revoked');
    expect(world.events()).toBe(before);
  });
});
