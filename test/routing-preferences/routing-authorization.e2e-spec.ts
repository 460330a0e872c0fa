import { expectError } from '../support/http';
import {
  bind,
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

const BASE = '/api/v1/routing-preferences';

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
    const secret = async (body: Record<string, unknown>) => ({
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
    (client: Client) => Promise<{ status: number }>,
  ])[] = [
    ['GET team', (c) => c.get(`${BASE}/${team.id}`)],
    ['PATCH team', (c) => c.send('PATCH', `${BASE}/${team.id}`, { description: 'edited' })],
    ['GET personal', (c) => c.get(`${BASE}/${personal.id}`)],
    ['PATCH personal', (c) => c.send('PATCH', `${BASE}/${personal.id}`, { description: 'x' })],
    ['bind team to org key', (c) => bind(c, orgKey.id, team.id)],
    ['bind personal to personal key', (c) => bind(c, personalKey.id, personal.id)],
    ['create team', (c) => c.send('POST', BASE, { name: 'new', scope: 'team' })],
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
    ['personal key without billing', [404, 404, 200, 403, 403, 403, 400]],
    ['org key with billing', [200, 200, 404, 404, 200, 404, 201]],
    ['org key without billing', [200, 403, 404, 404, 403, 404, 403]],
    ['no credentials', [401, 401, 401, 401, 401, 401, 401]],
  ])('%s', async (name, expected) => {
    const client = clientOf(name);
    const actual: string[] = [];
    for (const [operation, run] of operations) {
      const before = world.events();
      const { status } = await run(client);
      actual.push(`${operation}: ${status}`);
      if (status >= 400)
        expect({ operation, written: world.events() - before }).toEqual({ operation, written: 0 });
    }
    expect(actual).toEqual(operations.map(([operation], i) => `${operation}: ${expected[i]}`));
  });

  it('answers missing credentials with authentication_required and a bad token with invalid_token', async () => {
    expectError(await world.anonymous.get(BASE), 401, 'authentication_required');
    expectError(await world.as('not-a-jwt').get(BASE), 401, 'invalid_token');
    expectError(
      await world
        .as({ apiKey: `rk_${'0'.repeat(64)}` })
        .send('PUT', `/api/v1/keys/${orgKey.id}/routing-preference`, { preference_id: null }),
      401,
      'invalid_api_key',
    );
  });

  it('lets only managers delete, and each refusal writes nothing', async () => {
    const doomed = await createPreference(world.alice, { scope: 'team' });
    const before = world.events();
    expectError(await world.carol.send('DELETE', `${BASE}/${doomed.id}`), 403, 'forbidden');
    expectError(await world.bob.send('DELETE', `${BASE}/${doomed.id}`), 404, 'not_found');
    expectError(
      await world.as(callers.get('org key without billing')).send('DELETE', `${BASE}/${doomed.id}`),
      403,
      'forbidden',
    );
    expect(world.events()).toBe(before);
    const asOrgKey = world.as(callers.get('org key with billing'));
    expect((await asOrgKey.send('DELETE', `${BASE}/${doomed.id}`)).status).toBe(204);
  });

  it('lets a key-first rules edit through only with the right to manage the key', async () => {
    const path = `/api/v1/keys/${orgKey.id}/routing-rules`;
    const before = world.events();
    expectError(await world.dave.send('PUT', path, {}), 403, 'forbidden');
    expectError(await world.dave.send('DELETE', path), 403, 'forbidden');
    expect((await world.dave.get(path)).status).toBe(200);
    expect(world.events()).toBe(before);
    expect((await world.carol.send('PUT', path, {})).status).toBe(200);
  });
});
