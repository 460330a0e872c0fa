import { ListRoutingPreferencesQuery } from '@keyledger/client';
import { expectApiError, failedFieldsOf } from '../client/api-error-assertions';
import { call, expectError } from '../support/http';
import { createPreference, failedFields, rule, startWorld, World } from './routing-world';

const BASE = '/api/v1/routing-preferences';
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('routing preferences over HTTP (embedded default)', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  it('creates a personal preference with every field, clamping confidence', async () => {
    const created = await world.alice.api.routingPreferences.create({
      name: '  SQL to code  ',
      description: 'routes SQL',
      rules: [rule({ confidence: 0.1 }), rule({ confidence: 2, target_engine: 'gpt' })],
      examples: [{ prompt: 'select 1', expected_mode: 'code' }],
      confidence_floor_overrides: { code: 0.7 },
    });
    expect(created.status).toBe(201);
    expect(created.etag).toBe('"0"');
    expect(created.position).toBeGreaterThan(0);
    expect(created.data).toMatchObject({
      name: 'SQL to code',
      description: 'routes SQL',
      scope: 'personal',
      author_user_id: 'alice',
      org_id: null,
      enabled: true,
      is_default: false,
      examples: [{ prompt: 'select 1', expected_mode: 'code' }],
      confidence_floor_overrides: { code: 0.7 },
    });
    expect(created.data.rules.map((r) => r.confidence)).toEqual([0.5, 0.99]);
    expect(created.data.rules[1]).toMatchObject({ target_engine: 'gpt', description: null });
    const read = await world.alice.api.routingPreferences.get(created.data.id);
    expect(read.data).toEqual(created.data);
    expect(read.etag).toBe('"0"');
  });

  it('creates a team preference in the active org, seen by its members only', async () => {
    const team = await createPreference(world.alice, { scope: 'team', name: 'team one' });
    expect(team).toMatchObject({ scope: 'team', org_id: 'org_a' });
    expect((await world.dave.api.routingPreferences.get(team.id)).status).toBe(200);
    await expectApiError(world.bob.api.routingPreferences.get(team.id), 404, 'not_found');
    const bobs = await world.bob.api.routingPreferences.list();
    expect(bobs.data.map((p) => p.id)).not.toContain(team.id);
  });

  it('PATCH replaces the collections it names and keeps the rest, advancing the ETag', async () => {
    const before = await createPreference(world.alice, {
      description: 'keep me',
      examples: [{ prompt: 'a', expected_mode: 'chat' }],
    });
    const patched = await world.alice.api.routingPreferences.update(before.id, {
      rules: [rule({ pattern: '^fn ', target_mode: 'code2' })],
      enabled: false,
    });
    expect(patched.status).toBe(200);
    expect(patched.etag).toBe('"2"');
    expect(patched.data).toMatchObject({
      name: before.name,
      description: 'keep me',
      examples: before.examples,
      enabled: false,
      rules: [{ pattern: '^fn ', target_mode: 'code2' }],
    });
    const cleared = await world.alice.api.routingPreferences.update(before.id, {
      description: null,
      examples: [],
    });
    expect(cleared.data).toMatchObject({ description: null, examples: [] });
    expect((await world.alice.api.routingPreferences.get(before.id)).data).toEqual(cleared.data);
  });

  it('honours If-Match on PATCH and DELETE: a stale revision is 412 and writes nothing', async () => {
    const preference = await createPreference(world.alice);
    const preferences = world.alice.api.routingPreferences;
    const fresh = await preferences.update(preference.id, { name: 'v2' }, { ifMatch: '"0"' });
    expect(fresh.etag).toBe('"1"');
    const before = world.events();
    await expectApiError(
      preferences.update(preference.id, { name: 'v3' }, { ifMatch: '"0"' }),
      412,
      'precondition_failed',
    );
    await expectApiError(
      preferences.delete(preference.id, { ifMatch: '"0"' }),
      412,
      'precondition_failed',
    );
    // A malformed If-Match on purpose: sent raw.
    expectError(
      await world.alice.send(
        'PATCH',
        `${BASE}/${preference.id}`,
        { name: 'v3' },
        { 'if-match': 'yesterday' },
      ),
      400,
      'invalid_if_match',
    );
    expect(world.events()).toBe(before);
    expect((await preferences.delete(preference.id, { ifMatch: fresh.etag })).status).toBe(204);
  });

  it('lists what the caller can see, filtered and paged with a stable cursor', async () => {
    const erin = world.as(
      await world.app.token('erin', { orgs: [{ id: 'org_e', permissions: ['manageRouting'] }] }),
    );
    const names = ['p1', 'p2', 'p3'];
    for (const name of names) await createPreference(erin, { name });
    await createPreference(erin, { name: 't1', scope: 'team', enabled: false });
    const first = await erin.api.routingPreferences.list({ limit: 2 });
    const second = await erin.api.routingPreferences.list({
      limit: 2,
      cursor: first.next_cursor ?? undefined,
    });
    expect([...first.data, ...second.data].map((p) => p.name)).toEqual(['t1', 'p3', 'p2', 'p1']);
    expect(second.next_cursor).toBeNull();
    const namesFor = async (query: ListRoutingPreferencesQuery) =>
      (await erin.api.routingPreferences.list(query)).data.map((p) => p.name);
    expect(await namesFor({ scope: 'team' })).toEqual(['t1']);
    expect(await namesFor({ enabled: false })).toEqual(['t1']);
    expect(await namesFor({ scope: 'personal', enabled: true })).toEqual(['p3', 'p2', 'p1']);
    expect(await namesFor({ is_default: true })).toEqual([]);
    // Invalid queries on purpose: sent raw.
    for (const bad of ['cursor=nope', 'limit=0', 'is_default=maybe', 'scope=global', 'x=1']) {
      expectError(await erin.get(`${BASE}?${bad}`), 400, 'validation_failed');
    }
  });

  it('keeps one default per scope: promoting demotes the previous one, false demotes', async () => {
    const client = world.as(
      await world.app.token('frank', { orgs: [{ id: 'org_f', permissions: ['manageRouting'] }] }),
    );
    const preferences = client.api.routingPreferences;
    const defaults = async (scope: 'personal' | 'team') =>
      (await preferences.list({ is_default: true, scope })).data.map((p) => p.name);
    const first = await createPreference(client, { name: 'first', is_default: true });
    expect(first.is_default).toBe(true);
    const second = await createPreference(client, { name: 'second', is_default: true });
    const team = await createPreference(client, { name: 'team', scope: 'team', is_default: true });
    expect(await defaults('personal')).toEqual(['second']);
    expect(await defaults('team')).toEqual(['team']);
    const promoted = await preferences.update(first.id, { is_default: true });
    expect(promoted.data.is_default).toBe(true);
    expect(await defaults('personal')).toEqual(['first']);
    const before = world.events();
    await preferences.update(first.id, { is_default: true });
    expect(world.events()).toBe(before);
    await preferences.update(first.id, { is_default: false });
    expect(await defaults('personal')).toEqual([]);
    await preferences.delete(team.id);
    expect(await defaults('team')).toEqual([]);
    expect((await preferences.get(second.id)).data.is_default).toBe(false);
  });

  it('deletes: gone from reads, and a repeated DELETE completes without writing again', async () => {
    const preference = await createPreference(world.alice, { is_default: true });
    const preferences = world.alice.api.routingPreferences;
    const deleted = await preferences.delete(preference.id);
    expect(deleted.status).toBe(204);
    expect(deleted.position).toBeGreaterThan(0);
    await expectApiError(preferences.get(preference.id), 404, 'not_found');
    await expectApiError(preferences.update(preference.id, { name: 'x' }), 404, 'not_found');
    const list = await preferences.list({ limit: 200 });
    expect(list.data.map((p) => p.id)).not.toContain(preference.id);
    const before = world.events();
    expect((await preferences.delete(preference.id)).status).toBe(204);
    expect(world.events()).toBe(before);
    await expectApiError(world.bob.api.routingPreferences.delete(preference.id), 404, 'not_found');
  });

  it('accepts every SPEC §4 limit exactly', async () => {
    const created = await createPreference(world.alice, {
      name: 'n'.repeat(128),
      description: 'd'.repeat(512),
      rules: [
        rule({ pattern: `^${'a'.repeat(511)}` }),
        ...Array.from({ length: 49 }, () => rule()),
      ],
      examples: Array.from({ length: 30 }, () => ({
        prompt: 'p'.repeat(1024),
        expected_mode: 'c',
      })),
    });
    expect(created.rules).toHaveLength(50);
    expect(created.examples).toHaveLength(30);
  });

  describe('refusals: SPEC §7 body naming the fields, and nothing written', () => {
    const many = (count: number, item: unknown) => Array.from({ length: count }, () => item);
    const example = { prompt: 'p', expected_mode: 'code' };

    // Invalid bodies on purpose: sent raw.
    it.each<[string, Record<string, unknown>, string]>([
      ['an empty name', { name: '' }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a name of 129 characters', { name: 'n'.repeat(129) }, 'name'],
      ['a description of 513 characters', { description: 'd'.repeat(513) }, 'description'],
      ['51 rules', { rules: many(51, rule()) }, 'rules'],
      [
        'a pattern of 513 characters',
        { rules: [rule({ pattern: 'a'.repeat(513) })] },
        'rules[0].pattern',
      ],
      [
        'a pattern that does not compile',
        { rules: [rule(), rule(), rule(), rule({ pattern: '(' })] },
        'rules[3].pattern',
      ],
      [
        'a rule without a pattern',
        { rules: [{ target_mode: 'code', confidence: 0.8 }] },
        'rules[0].pattern',
      ],
      [
        'a rule without a target_mode',
        { rules: [rule({ target_mode: undefined })] },
        'rules[0].target_mode',
      ],
      ['a blank target_mode', { rules: [rule({ target_mode: '  ' })] }, 'rules[0].target_mode'],
      [
        'a non-numeric confidence',
        { rules: [rule({ confidence: 'high' })] },
        'rules[0].confidence',
      ],
      ['an unknown rule field', { rules: [rule({ weight: 2 })] }, 'rules[0].weight'],
      ['a rule that is not an object', { rules: ['^a'] }, 'rules[0]'],
      ['31 examples', { examples: many(31, example) }, 'examples'],
      [
        'a prompt of 1025 characters',
        { examples: [{ ...example, prompt: 'p'.repeat(1025) }] },
        'examples[0].prompt',
      ],
      [
        'an example without expected_mode',
        { examples: [{ prompt: 'p' }] },
        'examples[0].expected_mode',
      ],
      [
        'a floor above 1',
        { confidence_floor_overrides: { code: 2 } },
        'confidence_floor_overrides',
      ],
      [
        'floors that are a list',
        { confidence_floor_overrides: [0.5] },
        'confidence_floor_overrides',
      ],
      ['an unknown scope', { scope: 'global' }, 'scope'],
      ['a non-boolean enabled', { enabled: 'yes' }, 'enabled'],
      ['a null is_default', { is_default: null }, 'is_default'],
      ['an unknown field', { owner: 'bob' }, 'owner'],
    ])('refuses %s on create', async (_, changes, field) => {
      const before = world.events();
      const refused = await world.alice.send('POST', BASE, { name: 'ok', ...changes });
      expectError(refused, 400, 'validation_failed');
      expect(failedFields(refused)).toContain(field);
      expect(world.events()).toBe(before);
    });

    // Invalid bodies on purpose: sent raw.
    it.each<[string, Record<string, unknown>, string]>([
      ['a null name', { name: null }, 'name'],
      ['51 rules', { rules: many(51, rule()) }, 'rules'],
      ['a pattern that does not compile', { rules: [rule({ pattern: '[' })] }, 'rules[0].pattern'],
      ['a null enabled', { enabled: null }, 'enabled'],
      ['a scope change', { scope: 'team' }, 'scope'],
    ])('refuses %s on PATCH', async (_, body, field) => {
      const preference = await createPreference(world.alice);
      const before = world.events();
      const refused = await world.alice.send('PATCH', `${BASE}/${preference.id}`, body);
      expectError(refused, 400, 'validation_failed');
      expect(failedFields(refused)).toContain(field);
      expect(world.events()).toBe(before);
    });

    it('refuses a team preference without an active org with 400, not 403', async () => {
      const orgless = world.as(
        await world.app.token('alice', {
          orgs: [{ id: 'org_a', permissions: ['manageRouting'] }],
          activeOrg: null,
        }),
      );
      const before = world.events();
      const refused = await expectApiError(
        orgless.api.routingPreferences.create({ name: 'x', scope: 'team' }),
        400,
        'validation_failed',
      );
      expect(failedFieldsOf(refused)).toContain('scope');
      expect(world.events()).toBe(before);
    });

    it('refuses malformed JSON and a missing preference without a 5xx', async () => {
      const aliceToken = await world.app.token('alice');
      // Malformed JSON on purpose: sent raw.
      expectError(
        await call(world.app.baseUrl, 'POST', BASE, { auth: aliceToken, rawBody: '{"name":' }),
        400,
        'bad_request',
      );
      await expectApiError(world.alice.api.routingPreferences.get(MISSING), 404, 'not_found');
      await expectApiError(world.alice.api.routingPreferences.get('not-a-uuid'), 404, 'not_found');
    });
  });
});
