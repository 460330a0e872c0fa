import { CreateKeyRequest } from '@keyledger/client';
import { expectApiError, statusOf } from '../client/api-error-assertions';
import {
  bindKey as bind,
  Caller,
  Client,
  createKey,
  createPreference,
  Preference,
  startWorld,
  World,
} from './routing-world';

/** The expected status of each operation, in the order of `operations` below. */
type Expected = readonly [number, number, number, number, number, number, number];

describe('routing authorization matrix', () => {
  let world: World;
  let personal: Preference;
  let team: Preference;
  let personalKey: { id: string };
  let orgKey: { id: string };
  const callers = new Map<string, Caller>();

  beforeAll(async () => {
    world = await startWorld();
    personal = await createPreference(world.alice, { name: "alice's own" });
    team = await createPreference(world.alice, { name: 'org_a team', scope: 'team' });
    personalKey = await createKey(world.alice);
    orgKey = await createKey(world.alice, { scope: 'org' });
    const secret = async (body: Partial<CreateKeyRequest>) => ({
      apiKey: (await createKey(world.alice, body)).secret,
    });
    callers.set('personal key with billing', await secret({ scopes: ['billing'] }));
    callers.set('personal key without billing', await secret({ scopes: ['completions'] }));
    callers.set('org key with billing', await secret({ scope: 'org', scopes: ['billing'] }));
    callers.set('org key without billing', await secret({ scope: 'org', scopes: ['completions'] }));
  });
  afterAll(() => world.app.close());

  /** Each operation the matrix checks, run by one caller. */
  const operations: readonly (readonly [
    string,
    (client: Client) => Promise<{ readonly status: number }>,
  ])[] = [
    ['GET team', (c) => c.api.routingPreferences.get(team.id)],
    ['PATCH team', (c) => c.api.routingPreferences.update(team.id, { description: 'edited' })],
    ['GET personal', (c) => c.api.routingPreferences.get(personal.id)],
    ['PATCH personal', (c) => c.api.routingPreferences.update(personal.id, { description: 'x' })],
    ['bind team to org key', (c) => bind(c, orgKey.id, team.id)],
    ['bind personal to personal key', (c) => bind(c, personalKey.id, personal.id)],
    ['create team', (c) => c.api.routingPreferences.create({ name: 'new', scope: 'team' })],
  ];

  const clientOf = (name: string): Client => {
    const cast: Record<string, Client> = {
      'alice (author, manageRouting)': world.alice,
      'carol (member, manageApiKeys only)': world.carol,
      'dave (member, no permission)': world.dave,
      'bob (another org)': world.bob,
      'no credentials': world.anonymous,
    };
    return cast[name] ?? world.as(callers.get(name));
  };

  it.each<[string, Expected]>([
    ['alice (author, manageRouting)', [200, 200, 200, 200, 200, 200, 201]],
    ['carol (member, manageApiKeys only)', [200, 403, 404, 404, 200, 404, 403]],
    ['dave (member, no permission)', [200, 403, 404, 404, 403, 404, 403]],
    ['bob (another org)', [404, 404, 404, 404, 404, 404, 201]],
    ['personal key with billing', [404, 404, 200, 200, 403, 200, 400]],
    // Neither billing nor management: refused every routing route, reads included.
    ['personal key without billing', [403, 403, 403, 403, 403, 403, 403]],
    ['org key with billing', [200, 200, 404, 404, 200, 404, 201]],
    ['org key without billing', [403, 403, 403, 403, 403, 403, 403]],
    ['no credentials', [401, 401, 401, 401, 401, 401, 401]],
  ])('%s', async (name, expected) => {
    const client = clientOf(name);
    const actual: string[] = [];
    for (const [operation, run] of operations) {
      const before = world.events();
      const status = await statusOf(run(client));
      actual.push(`${operation}: ${status}`);
      if (status >= 400)
        expect({ operation, written: world.events() - before }).toEqual({ operation, written: 0 });
    }
    expect(actual).toEqual(operations.map(([operation], i) => `${operation}: ${expected[i]}`));
  });

  it('answers missing credentials with authentication_required and a bad token with invalid_token', async () => {
    await expectApiError(
      world.anonymous.api.routingPreferences.list(),
      401,
      'authentication_required',
    );
    await expectApiError(world.as('not-a-jwt').api.routingPreferences.list(), 401, 'invalid_token');
    await expectApiError(
      world
        .as({ apiKey: `rk_${'0'.repeat(64)}` })
        .api.keys.routingPreference.put(orgKey.id, { preference_id: null }),
      401,
      'invalid_api_key',
    );
  });

  it('lets only managers delete, and each refusal writes nothing', async () => {
    const doomed = await createPreference(world.alice, { scope: 'team' });
    const before = world.events();
    await expectApiError(world.carol.api.routingPreferences.delete(doomed.id), 403, 'forbidden');
    await expectApiError(world.bob.api.routingPreferences.delete(doomed.id), 404, 'not_found');
    await expectApiError(
      world.as(callers.get('org key without billing')).api.routingPreferences.delete(doomed.id),
      403,
      'forbidden',
    );
    expect(world.events()).toBe(before);
    const asOrgKey = world.as(callers.get('org key with billing'));
    expect((await asOrgKey.api.routingPreferences.delete(doomed.id)).status).toBe(204);
  });

  it('lets a key-first rules edit through only with the right to manage the key', async () => {
    const before = world.events();
    await expectApiError(world.dave.api.keys.routingRules.put(orgKey.id, {}), 403, 'forbidden');
    await expectApiError(world.dave.api.keys.routingRules.delete(orgKey.id), 403, 'forbidden');
    expect((await world.dave.api.keys.routingRules.get(orgKey.id)).status).toBe(200);
    expect(world.events()).toBe(before);
    expect((await world.carol.api.keys.routingRules.put(orgKey.id, {})).status).toBe(200);
  });
});
