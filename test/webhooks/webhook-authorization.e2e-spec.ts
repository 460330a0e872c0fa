import { Caller, Client, createKey } from '../routing-preferences/routing-world';
import { startWebhookWorld, subscribe, Webhook, WebhookWorld } from './webhook-world';

const BASE = '/api/v1/webhooks';
const URL = 'https://hooks.example.com/keyledger';

/** Each operation the matrix checks, on a fresh org_a subscription and a fresh personal one of alice's. */
const OPERATIONS: readonly (readonly [
  string,
  (client: Client, org: Webhook, personal: Webhook) => Promise<{ status: number }>,
])[] = [
  ['GET org', (c, org) => c.get(`${BASE}/${org.id}`)],
  ['PATCH org', (c, org) => c.send('PATCH', `${BASE}/${org.id}`, { url: `${URL}/new` })],
  ['rotate org', (c, org) => c.send('POST', `${BASE}/${org.id}/rotate-secret`)],
  ['log org', (c, org) => c.get(`${BASE}/${org.id}/deliveries`)],
  ['DELETE org', (c, org) => c.send('DELETE', `${BASE}/${org.id}`)],
  ['GET personal', (c, _, personal) => c.get(`${BASE}/${personal.id}`)],
  ['PATCH personal', (c, _, p) => c.send('PATCH', `${BASE}/${p.id}`, { event_types: ['*'] })],
  ['DELETE personal', (c, _, personal) => c.send('DELETE', `${BASE}/${personal.id}`)],
  [
    'create in org_a',
    (c) => c.send('POST', BASE, { url: URL, event_types: ['*'], org_id: 'org_a' }),
  ],
];

/** Expected statuses, in the order of OPERATIONS. */
type Expected = readonly number[];
const ORG = [200, 200, 200, 200, 204];
const NONE = [404, 404, 404, 404, 404];
const PERSONAL = [200, 200, 204];
const NO_PERSONAL = [404, 404, 404];
/** An API key without `management` is refused every webhook route before any lookup. */
const NO_SCOPE = [403, 403, 403, 403, 403, 403, 403, 403, 403];

describe('webhook authorization: invisible is 404, creating in an org needs manageApiKeys', () => {
  let world: WebhookWorld;
  const keys = new Map<string, Caller>();

  beforeAll(async () => {
    world = await startWebhookWorld();
    const secret = async (body: Record<string, unknown>) => ({
      apiKey: (await createKey(world.alice, body)).secret,
    });
    keys.set('personal key with management', await secret({ scopes: ['management'] }));
    keys.set('personal key without management', await secret({ scopes: ['completions'] }));
    keys.set('org key with management', await secret({ scope: 'org', scopes: ['management'] }));
    keys.set('org key without management', await secret({ scope: 'org', scopes: ['billing'] }));
  });
  afterAll(() => world.close());

  const clientOf = (name: string): Client =>
    ({
      'alice (manageApiKeys)': world.alice,
      'carol (manageApiKeys)': world.carol,
      'dave (member, no permission)': world.dave,
      'bob (another org)': world.bob,
    })[name] ?? world.as(keys.get(name));

  it.each<[string, Expected]>([
    ['alice (manageApiKeys)', [...ORG, ...PERSONAL, 201]],
    ['carol (manageApiKeys)', [...ORG, ...NO_PERSONAL, 201]],
    ['dave (member, no permission)', [...NONE, ...NO_PERSONAL, 403]],
    ['bob (another org)', [...NONE, ...NO_PERSONAL, 403]],
    ['personal key with management', [...NONE, ...PERSONAL, 403]],
    ['personal key without management', NO_SCOPE],
    ['org key with management', [...ORG, ...NO_PERSONAL, 201]],
    ['org key without management', NO_SCOPE],
  ])('%s', async (name, expected) => {
    const client = clientOf(name);
    const { webhook: org } = await subscribe(world.alice, URL, { scope: 'org' });
    const { webhook: personal } = await subscribe(world.alice, URL);
    const actual: string[] = [];
    for (const [operation, run] of OPERATIONS) {
      actual.push(`${operation}: ${(await run(client, org, personal)).status}`);
    }
    expect(actual).toEqual(OPERATIONS.map(([operation], i) => `${operation}: ${expected[i]}`));
  });

  it('lists only what the caller manages, and never another tenant', async () => {
    const { webhook: org } = await subscribe(world.alice, URL, { scope: 'org' });
    const { webhook: personal } = await subscribe(world.alice, URL);
    const listed = async (client: Client) =>
      (await client.get<{ data: Webhook[] }>(BASE)).body.data.map((w) => w.id);
    expect(await listed(world.alice)).toEqual(expect.arrayContaining([org.id, personal.id]));
    expect(await listed(world.carol)).toContain(org.id);
    expect(await listed(world.carol)).not.toContain(personal.id);
    for (const stranger of [world.dave, world.bob]) {
      const ids = await listed(stranger);
      expect(ids).not.toContain(org.id);
      expect(ids).not.toContain(personal.id);
    }
  });

  it('answers 401 without credentials', async () => {
    const { webhook } = await subscribe(world.alice, URL);
    expect((await world.anonymous.get(BASE)).status).toBe(401);
    expect((await world.anonymous.get(`${BASE}/${webhook.id}`)).status).toBe(401);
    expect((await world.anonymous.send('POST', BASE, { url: URL })).status).toBe(401);
  });
});
