import { CreateKeyRequest, KeyledgerApiError } from '@keyledger/client';
import { expectApiError, rejection, statusOf } from '../client/api-error-assertions';
import { Caller, Client, createKey, startWorld, World } from '../routing-preferences/routing-world';

/** One status per operation, in the order of `operations` below. */
type Expected = readonly number[];

describe('key management authorization matrix', () => {
  let world: World;
  let personal: string;
  let org: string;
  const apiKeys = new Map<string, Caller>();

  beforeAll(async () => {
    world = await startWorld();
    personal = (await createKey(world.alice, { name: "alice's own" })).id;
    org = (await createKey(world.alice, { name: 'org_a shared', scope: 'org' })).id;
    const secretOf = async (body: Partial<CreateKeyRequest>) => ({
      apiKey: (await createKey(world.alice, body)).secret,
    });
    apiKeys.set('personal key with management', await secretOf({ scopes: ['management'] }));
    apiKeys.set('personal key without management', await secretOf({ scopes: ['completions'] }));
    apiKeys.set(
      'org key with management',
      await secretOf({ scope: 'org', scopes: ['management'] }),
    );
  });
  afterAll(() => world.app.close());

  const rename = (c: Client, id: string) => c.api.keys.update(id, { name: `n-${Date.now()}` });
  const rotate = (c: Client, id: string) => c.api.keys.rotate(id, { grace_period_seconds: 600 });
  const reset = (c: Client, id: string) => c.api.keys.resetLimit(id, { reason: 'matrix' });
  const read = (c: Client, id: string) => c.api.keys.get(id);

  /** Each operation the matrix checks, on its target key; every write may be repeated. */
  const operations: readonly {
    readonly label: string;
    readonly run: (client: Client) => Promise<{ readonly status: number }>;
  }[] = [
    ...(['personal', 'org'] as const).flatMap((target) => {
      const id = () => (target === 'org' ? org : personal);
      return [
        { label: `GET ${target}`, run: (c: Client) => read(c, id()) },
        { label: `PATCH ${target}`, run: (c: Client) => rename(c, id()) },
        { label: `rotate ${target}`, run: (c: Client) => rotate(c, id()) },
        { label: `limit reset ${target}`, run: (c: Client) => reset(c, id()) },
      ];
    }),
    { label: 'GET /api/v1/key', run: (c) => c.api.key.current() },
  ];

  const clientOf = (name: string): Client => {
    const cast: Record<string, Client> = {
      'alice (owner, manageApiKeys)': world.alice,
      'carol (org member, manageApiKeys)': world.carol,
      'dave (org member, no permission)': world.dave,
      'bob (another org)': world.bob,
      'no credentials': world.anonymous,
      'bad token': world.as('not-a-jwt'),
    };
    return cast[name] ?? world.as(apiKeys.get(name));
  };

  // Columns: GET, PATCH, rotate, limit reset of alice's personal key; the same of her org_a
  // key; GET /api/v1/key.
  it.each<[string, Expected]>([
    ['alice (owner, manageApiKeys)', [200, 200, 200, 200, 200, 200, 200, 200, 403]],
    ['carol (org member, manageApiKeys)', [404, 404, 404, 404, 200, 200, 200, 200, 403]],
    ['dave (org member, no permission)', [404, 404, 404, 404, 200, 403, 403, 403, 403]],
    ['bob (another org)', [404, 404, 404, 404, 404, 404, 404, 404, 403]],
    ['personal key with management', [200, 200, 200, 200, 200, 403, 403, 403, 200]],
    // Reads too: only the key's self-description (GET /key) is open without management.
    ['personal key without management', [403, 403, 403, 403, 403, 403, 403, 403, 200]],
    ['org key with management', [404, 404, 404, 404, 200, 200, 200, 200, 200]],
    ['no credentials', [401, 401, 401, 401, 401, 401, 401, 401, 401]],
    ['bad token', [401, 401, 401, 401, 401, 401, 401, 401, 401]],
  ])('%s', async (name, expected) => {
    const client = clientOf(name);
    const actual: string[] = [];
    for (const { label, run } of operations) {
      const before = world.events();
      // A refusal is checked for its SPEC §7 shape by statusOf.
      const status = await statusOf(run(client));
      actual.push(`${label}: ${status}`);
      if (status >= 400) {
        expect({ label, written: world.events() - before }).toEqual({ label, written: 0 });
      }
    }
    expect(actual).toEqual(operations.map(({ label }, i) => `${label}: ${expected[i]}`));
  });

  it('names the refusals: not_found, forbidden, api_key_required, and the 401s', async () => {
    await expectApiError(world.bob.api.keys.update(personal, { name: 'x' }), 404, 'not_found');
    await expectApiError(world.dave.api.keys.update(org, { name: 'x' }), 403, 'forbidden');
    const withoutScope = world.as(apiKeys.get('personal key without management'));
    const refused = await expectApiError(withoutScope.api.keys.rotate(personal), 403, 'forbidden');
    expect(refused.message).toMatch(/management scope/);
    await expectApiError(world.alice.api.key.current(), 403, 'api_key_required');
    await expectApiError(world.anonymous.api.keys.update(org, {}), 401, 'authentication_required');
    await expectApiError(world.as('not-a-jwt').api.keys.update(org, {}), 401, 'invalid_token');
  });

  it('answers a key hidden from the caller exactly like a missing one', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const attempts: readonly ((id: string) => Promise<unknown>)[] = [
      (id) => world.bob.api.keys.update(id, {}),
      (id) => world.bob.api.keys.rotate(id, {}),
      (id) => world.bob.api.keys.resetLimit(id, { reason: 'r' }),
    ];
    const refusal = ({ status, code, message, fields }: KeyledgerApiError) => ({
      status,
      code,
      message,
      fields,
    });
    for (const attempt of attempts) {
      const hidden = await rejection(attempt(personal));
      const absent = await rejection(attempt(missing));
      expect(refusal(hidden)).toEqual(refusal(absent));
      expect(hidden.request_id).toEqual(expect.any(String));
    }
  });
});
