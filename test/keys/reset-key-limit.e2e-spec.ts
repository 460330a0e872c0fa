import { expectApiError } from '../client/api-error-assertions';
import { createKey, failedFields, startWorld, World } from '../routing-preferences/routing-world';
import { expectError } from '../support/http';
import { KeyAnswer, keyEventsOnDisk } from '../support/key-api';

describe('POST /api/v1/keys/{id}/limit/reset', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  const reset = (keyId: string, reason: string) =>
    world.carol.api.keys.resetLimit(keyId, { reason });

  it('records a KeyLimitReset with its reason, and who did it in the metadata', async () => {
    const key = await createKey(world.alice, { scope: 'org', limit: 10, limit_reset: 'daily' });
    const answer = await reset(key.id, 'customer goodwill');
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({ id: key.id, limit: 10, limit_reset: 'daily' });
    expect(answer.etag).toBe('"1"');
    const [, event] = keyEventsOnDisk(world.app.dataDir, key.id);
    expect(event).toMatchObject({
      type: 'KeyLimitReset',
      data: { key_id: key.id, reason: 'customer goodwill' },
      metadata: { actor: { kind: 'user', id: 'carol' }, org_id: 'org_a' },
    });
  });

  it('is an event every time, even on an unlimited key', async () => {
    const key = await createKey(world.alice, { scope: 'org' });
    await reset(key.id, 'first');
    expect((await reset(key.id, 'again')).etag).toBe('"2"');
  });

  // Invalid bodies on purpose: sent raw.
  it.each<[string, unknown]>([
    ['no reason', {}],
    ['an empty reason', { reason: '' }],
    ['a reason too long', { reason: 'r'.repeat(501) }],
    ['a reason that is not text', { reason: 42 }],
  ])('refuses %s with 400 and writes nothing', async (_, body) => {
    const key = await createKey(world.alice, { scope: 'org' });
    const before = world.events();
    const refused = await world.carol.send<KeyAnswer>(
      'POST',
      `/api/v1/keys/${key.id}/limit/reset`,
      body,
    );
    expectError(refused, 400, 'validation_failed');
    expect(failedFields(refused)).toContain('reason');
    expect(world.events()).toBe(before);
  });

  it('refuses a revoked key (409) and writes nothing', async () => {
    const key = await createKey(world.alice, { scope: 'org' });
    await world.alice.api.keys.revoke(key.id);
    const before = world.events();
    await expectApiError(reset(key.id, 'too late'), 409, 'key_revoked');
    expect(world.events()).toBe(before);
  });
});
