import { CreateKeyRequest } from '@keyledger/client';
import { IDEMPOTENCY_KEY_CLAIMED } from '../../apps/api/src/keys/commands/create-key/idempotency-claims';
import {
  idempotencyStream,
  requestFingerprint,
} from '../../apps/api/src/keys/commands/create-key/idempotency-key';
import { expectApiError } from '../client/api-error-assertions';
import { Client, startWorld, World } from '../routing-preferences/routing-world';
import { expectError } from '../support/http';
import { KeyAnswer } from '../support/key-api';
import { storedEvents } from '../support/stored-events';

describe('POST /api/v1/keys with Idempotency-Key', () => {
  let world: World;
  let attempt = 0;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  /** A fresh idempotency key per test, so tests never see each other's claims. */
  const freshKey = () => `retry-${++attempt}-${Date.now()}`;
  const create = (client: Client, body: CreateKeyRequest, idempotencyKey: string) =>
    client.api.keys.create(body, { idempotencyKey });
  const keysCreated = () => storedEvents(world.app.dataDir).filter((e) => e.type === 'KeyCreated');

  it('answers a retry with the original key, no secret, and creates nothing', async () => {
    const idempotencyKey = freshKey();
    const first = await create(world.alice, { name: 'ci', limit: 5 }, idempotencyKey);
    expect(first.status).toBe(201);
    expect(first.secret).toMatch(/^rk_/);
    expect(first.replayed).toBe(false);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const before = world.events();
    // The same body with its fields in another order is the same request.
    const retry = await create(world.alice, { limit: 5, name: 'ci' }, idempotencyKey);
    expect(retry.status).toBe(201);
    expect(retry.replayed).toBe(true);
    expect(retry.etag).toBe('"0"');
    expect({ data: retry.data, secret: retry.secret }).toEqual({ data: first.data, secret: null });
    expect(world.events()).toBe(before);
  });

  it('refuses the same key with another body (409) and writes nothing', async () => {
    const idempotencyKey = freshKey();
    await create(world.alice, { name: 'ci' }, idempotencyKey);
    const before = world.events();
    await expectApiError(
      create(world.alice, { name: 'cd' }, idempotencyKey),
      409,
      'idempotency_key_reused',
    );
    expect(world.events()).toBe(before);
  });

  it('keeps each user’s idempotency keys apart', async () => {
    const idempotencyKey = freshKey();
    const alices = await create(world.alice, { name: 'ci' }, idempotencyKey);
    const bobs = await create(world.bob, { name: 'ci' }, idempotencyKey);
    expect(bobs.status).toBe(201);
    expect(bobs.data?.id).not.toBe(alices.data?.id);
  });

  it('creates exactly one key from concurrent identical requests', async () => {
    const idempotencyKey = freshKey();
    const before = keysCreated().length;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => create(world.alice, { name: 'raced' }, idempotencyKey)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.data?.id)).size).toBe(1);
    expect(answers.filter((a) => a.secret !== null)).toHaveLength(1);
    expect(keysCreated().length).toBe(before + 1);
  });

  it('claims nothing for a refused request, so the corrected retry can use the same key', async () => {
    const idempotencyKey = freshKey();
    const before = world.events();
    await expectApiError(
      create(world.alice, { name: 'x', expires_at: '2001-01-01T00:00:00Z' }, idempotencyKey),
      400,
      'validation_failed',
    );
    await expectApiError(
      create(world.dave, { name: 'x', scope: 'org' }, idempotencyKey),
      403,
      'forbidden',
    );
    expect(world.events()).toBe(before);
    expect((await create(world.alice, { name: 'x' }, idempotencyKey)).status).toBe(201);
  });

  it('finishes a creation that crashed after its claim, showing the secret', async () => {
    const idempotencyKey = freshKey();
    const body = { name: 'after-crash' };
    const reserved = '11111111-1111-4111-8111-111111111111';
    // The state a crash between the claim and the key's creation leaves behind.
    await world.appendAndSettle(idempotencyStream('alice', idempotencyKey), {
      type: IDEMPOTENCY_KEY_CLAIMED,
      data: { fingerprint: requestFingerprint(body), key_id: reserved },
    });
    const retry = await create(world.alice, body, idempotencyKey);
    expect(retry.status).toBe(201);
    expect(retry.data?.id).toBe(reserved);
    expect(retry.secret).toMatch(/^rk_/);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect((await world.keyEvents(reserved)).map((e) => e.type)).toEqual(['KeyCreated']);
  });

  // Malformed headers on purpose: sent raw.
  it.each([['x'.repeat(256)], ['has space'], ['']])(
    'refuses the Idempotency-Key %p with 400 invalid_idempotency_key',
    async (header) => {
      const before = world.events();
      expectError(
        await world.alice.send<KeyAnswer>(
          'POST',
          '/api/v1/keys',
          { name: 'x' },
          { 'idempotency-key': header },
        ),
        400,
        'invalid_idempotency_key',
      );
      expect(world.events()).toBe(before);
    },
  );
});
