import { startWorld, World, createKey, failedFields } from '../routing-preferences/routing-world';
import { expectError } from '../support/http';
import { etagOf, KeyAnswer, keyEventsOnDisk } from '../support/key-api';

const IN_A_YEAR = new Date(Date.now() + 365 * 86_400_000).toISOString();

describe('PATCH /api/v1/keys/{id}', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  const patch = (idOrHash: string, body: unknown, headers?: Record<string, string>) =>
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
    expect(changed.body.data).toMatchObject({
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
    expect(etagOf(changed)).toBe('"4"');
    expect(Number(changed.headers.get('x-position'))).toBe(events[3].position);
    // One append: consecutive positions, one request.
    expect(events.map((e) => e.position - events[0].position)).toEqual([0, 1, 2, 3]);
    expect(new Set(events.map((e) => e.metadata.request_id)).size).toBe(1);
  });

  it('writes nothing at all when one of several changes is refused', async () => {
    const key = await createKey(world.alice);
    const before = world.events();
    const refused = await patch(key.id, { name: 'fine', expires_at: '2001-01-01T00:00:00Z' });
    expectError(refused, 400, 'validation_failed');
    expect(failedFields(refused)).toEqual(['expires_at']);
    expect(world.events()).toBe(before);
    expect((await world.alice.get<KeyAnswer>(`/api/v1/keys/${key.id}`)).body.data.name).toBe('key');
  });

  it('answers a no-op with 200, the same ETag, and no event', async () => {
    const key = await createKey(world.alice, { name: 'same', limit: 3 });
    const before = world.events();
    for (const body of [{}, { name: 'same', limit: 3, disabled: false, expires_at: null }]) {
      const answer = await patch(key.id, body);
      expect({ status: answer.status, etag: etagOf(answer) }).toEqual({ status: 200, etag: '"0"' });
      expect(answer.headers.get('x-position')).toBeNull();
    }
    expect(world.events()).toBe(before);
  });

  it('clears the limit and the expiry with null, and re-enables a disabled key', async () => {
    const key = await createKey(world.alice, { limit: 9, expires_at: IN_A_YEAR });
    await patch(key.id, { disabled: true });
    const cleared = await patch(key.hash, { limit: null, expires_at: null, disabled: false });
    expect(cleared.body.data).toMatchObject({
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
    expectError(await asKey.get('/api/v1/key'), 403, 'key_disabled');
    await patch(key.id, { disabled: false });
    expect((await asKey.get('/api/v1/key')).status).toBe(200);
  });

  it('honours If-Match: the current ETag passes, a stale one is 412 and writes nothing', async () => {
    const key = await createKey(world.alice);
    const first = await patch(key.id, { name: 'v1' }, { 'if-match': '"0"' });
    expect(etagOf(first)).toBe('"1"');
    const before = world.events();
    expectError(
      await patch(key.id, { name: 'v2' }, { 'if-match': '"0"' }),
      412,
      'precondition_failed',
    );
    expectError(
      await patch(key.id, { name: 'v2' }, { 'if-match': 'soon' }),
      400,
      'invalid_if_match',
    );
    expect(world.events()).toBe(before);
  });

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
    const refused = await patch(key.id, body);
    expectError(refused, 400, 'validation_failed');
    expect(failedFields(refused)).toContain(field);
    expect(world.events()).toBe(before);
  });

  it('refuses any change to a revoked key with 409 key_revoked', async () => {
    const key = await createKey(world.alice);
    await world.alice.send('DELETE', `/api/v1/keys/${key.id}`);
    const before = world.events();
    expectError(await patch(key.id, { name: 'zombie' }), 409, 'key_revoked');
    expect(world.events()).toBe(before);
  });
});
