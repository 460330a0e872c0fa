import { UpdateKeyRequest } from '@keyledger/client';
import { expectApiError, failedFieldsOf } from '../client/api-error-assertions';
import { startWorld, World, createKey, failedFields } from '../routing-preferences/routing-world';
import { expectError } from '../support/http';
import { KeyAnswer, keyEventsOnDisk } from '../support/key-api';

const IN_A_YEAR = new Date(Date.now() + 365 * 86_400_000).toISOString();

describe('PATCH /api/v1/keys/{id}', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  const patch = (idOrHash: string, body: UpdateKeyRequest, ifMatch?: string) =>
    world.alice.api.keys.update(idOrHash, body, { ifMatch });
  /** Sends a body or header the client would not: malformed on purpose. */
  const patchRaw = (idOrHash: string, body: unknown, headers?: Record<string, string>) =>
    world.alice.send<KeyAnswer>('PATCH', `/api/v1/keys/${idOrHash}`, body, headers);

  it('changes every field it names in one append, at one revision', async () => {
    const key = await createKey(world.alice, { limit: 1 });
    const changed = await patch(key.id, {
      name: 'renamed',
      disabled: true,
      reason: 'suspected leak',
      limit: 25.5,
      limit_reset: 'weekly',
      include_byok_in_limit: true,
      expires_at: IN_A_YEAR,
    });
    expect(changed.status).toBe(200);
    expect(changed.data).toMatchObject({
      name: 'renamed',
      disabled: true,
      limit: 25.5,
      limit_reset: 'weekly',
      include_byok_in_limit: true,
      limit_remaining: 25.5,
      expires_at: IN_A_YEAR,
    });
    const events = keyEventsOnDisk(world.app.dataDir, key.id).slice(1);
    expect(events.map((e) => e.type)).toEqual([
      'KeyRenamed',
      'KeyDisabled',
      'KeyLimitSet',
      'KeyExpirySet',
    ]);
    expect(events[1].data).toMatchObject({ reason: 'suspected leak' });
    expect(changed.etag).toBe('"4"');
    expect(changed.position).toBe(events[3].position);
    // One append, one request: increasing positions (consecutive only on SQLite, so not asserted).
    const positions = events.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(4);
    expect(new Set(events.map((e) => e.metadata.request_id)).size).toBe(1);
  });

  it('writes nothing at all when one of several changes is refused', async () => {
    const key = await createKey(world.alice);
    const before = world.events();
    const refused = await expectApiError(
      patch(key.id, { name: 'fine', expires_at: '2001-01-01T00:00:00Z' }),
      400,
      'validation_failed',
    );
    expect(failedFieldsOf(refused)).toEqual(['expires_at']);
    expect(world.events()).toBe(before);
    expect((await world.alice.api.keys.get(key.id)).data.name).toBe('key');
  });

  it('answers a no-op with 200, the same ETag, and no event', async () => {
    const key = await createKey(world.alice, { name: 'same', limit: 3 });
    const before = world.events();
    const noOps: UpdateKeyRequest[] = [
      {},
      { name: 'same', limit: 3, disabled: false, expires_at: null },
    ];
    for (const body of noOps) {
      const answer = await patch(key.id, body);
      expect({ status: answer.status, etag: answer.etag }).toEqual({ status: 200, etag: '"0"' });
      expect(answer.headers.get('x-position')).toBeNull();
    }
    expect(world.events()).toBe(before);
  });

  it('clears the limit and the expiry with null, and re-enables a disabled key', async () => {
    const key = await createKey(world.alice, { limit: 9, expires_at: IN_A_YEAR });
    await patch(key.id, { disabled: true });
    const cleared = await patch(key.hash, { limit: null, expires_at: null, disabled: false });
    expect(cleared.data).toMatchObject({
      limit: null,
      limit_remaining: null,
      expires_at: null,
      disabled: false,
    });
  });

  it('stops a disabled key authenticating until it is enabled again', async () => {
    const key = await createKey(world.alice, { scopes: ['completions'] });
    const asKey = world.as({ apiKey: key.secret });
    await patch(key.id, { disabled: true });
    await expectApiError(asKey.api.key.current(), 403, 'key_disabled');
    await patch(key.id, { disabled: false });
    expect((await asKey.api.key.current()).status).toBe(200);
  });

  it('honours If-Match: the current ETag passes, a stale one is 412 and writes nothing', async () => {
    const key = await createKey(world.alice);
    const first = await patch(key.id, { name: 'v1' }, '"0"');
    expect(first.etag).toBe('"1"');
    const before = world.events();
    await expectApiError(patch(key.id, { name: 'v2' }, '"0"'), 412, 'precondition_failed');
    expectError(
      await patchRaw(key.id, { name: 'v2' }, { 'if-match': 'soon' }),
      400,
      'invalid_if_match',
    );
    expect(world.events()).toBe(before);
  });

  // Invalid bodies on purpose: sent raw.
  it.each<[string, Record<string, unknown>, string]>([
    ['an empty name', { name: '' }, 'name'],
    ['a null name', { name: null }, 'name'],
    ['a null disabled', { disabled: null }, 'disabled'],
    ['a string disabled', { disabled: 'yes' }, 'disabled'],
    ['a reason without disabling', { reason: 'why', name: 'x' }, 'reason'],
    ['a negative limit', { limit: -5 }, 'limit'],
    ['a bad limit_reset', { limit_reset: 'hourly' }, 'limit_reset'],
    ['a null include_byok_in_limit', { include_byok_in_limit: null }, 'include_byok_in_limit'],
    ['a malformed expiry', { expires_at: 'tomorrow' }, 'expires_at'],
    ['an unknown field', { owner_user_id: 'mallory' }, 'owner_user_id'],
  ])('refuses %s with 400 and writes nothing', async (_, body, field) => {
    const key = await createKey(world.alice);
    const before = world.events();
    const refused = await patchRaw(key.id, body);
    expectError(refused, 400, 'validation_failed');
    expect(failedFields(refused)).toContain(field);
    expect(world.events()).toBe(before);
  });

  it('refuses any change to a revoked key with 409 key_revoked', async () => {
    const key = await createKey(world.alice);
    await world.alice.api.keys.revoke(key.id);
    const before = world.events();
    await expectApiError(patch(key.id, { name: 'zombie' }), 409, 'key_revoked');
    expect(world.events()).toBe(before);
  });
});
