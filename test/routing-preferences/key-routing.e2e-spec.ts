import { KeyledgerApiError } from '@keyledger/client';
import { routingPreferenceStream } from '@keyledger/domain';
import { expectApiError, failedFieldsOf, rejection } from '../client/api-error-assertions';
import { expectError } from '../support/http';
import {
  bindKey as bind,
  Client,
  createKey,
  createPreference,
  failedFields,
  rule,
  startWorld,
  World,
} from './routing-world';

const MISSING = '00000000-0000-4000-8000-000000000000';
const keyPath = (keyId: string, resource: string) => `/api/v1/keys/${keyId}/${resource}`;

describe('key routing over HTTP: bindings, key-first rules, effective routing', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  const effective = async (keyId: string) =>
    (await world.alice.api.keys.effectiveRouting.get(keyId)).data;
  const binding = (client: Client, keyId: string) => client.api.keys.routingPreference.get(keyId);

  describe('bindings', () => {
    it('binds, reads back (by id and hash) and clears, with ETag and X-Position', async () => {
      const key = await createKey(world.alice);
      const preference = await createPreference(world.alice);
      const unbound = await binding(world.alice, key.id);
      expect(unbound.data).toEqual({ key_id: key.id, preference_id: null, inherits_default: true });
      expect(unbound.etag).toBe('"0"');
      const bound = await bind(world.alice, key.hash, preference.id);
      expect(bound.status).toBe(200);
      expect(bound.data).toEqual({
        key_id: key.id,
        preference_id: preference.id,
        inherits_default: false,
      });
      expect(bound.etag).toBe('"1"');
      expect(bound.position).toBeGreaterThan(0);
      expect((await binding(world.alice, key.id)).data).toEqual(bound.data);
      expect((await world.alice.api.keys.get(key.id)).data.routing_preference_id).toBe(
        preference.id,
      );
      const cleared = await bind(world.alice, key.id, null);
      expect(cleared.data).toMatchObject({ preference_id: null, inherits_default: true });
      const types = (await world.keyEvents(key.id)).map((e) => [e.type, e.data.reason]);
      expect(types.slice(1)).toEqual([
        ['PreferenceBound', undefined],
        ['PreferenceUnbound', 'cleared'],
      ]);
    });

    it('honours If-Match on PUT: a stale revision is 412 and writes nothing', async () => {
      const key = await createKey(world.alice);
      const preference = await createPreference(world.alice);
      const put = (ifMatch: string) =>
        world.alice.api.keys.routingPreference.put(
          key.id,
          { preference_id: preference.id },
          { ifMatch },
        );
      const before = world.events();
      await expectApiError(put('"3"'), 412, 'precondition_failed');
      expect(world.events()).toBe(before);
      expect((await put('"0"')).status).toBe(200);
    });

    it('refuses a preference that does not fit the key with routing_preference_not_bindable', async () => {
      const personalKey = await createKey(world.alice);
      const orgKey = await createKey(world.alice, { scope: 'org' });
      const carolsKey = await createKey(world.carol, { scope: 'org' });
      const personal = await createPreference(world.alice);
      const team = await createPreference(world.alice, { scope: 'team' });
      const before = world.events();
      for (const [keyId, preferenceId] of [
        [carolsKey.id, personal.id],
        [personalKey.id, team.id],
        // An org key is its org's, not its creator's: one member's settings must not steer it.
        [orgKey.id, personal.id],
      ]) {
        const refused = await expectApiError(
          bind(world.alice, keyId, preferenceId),
          400,
          'routing_preference_not_bindable',
        );
        expect(refused.message).not.toMatch(/alice|carol|org_a|[0-9a-f]{8}-/);
      }
      expect(world.events()).toBe(before);
      expect((await bind(world.alice, orgKey.id, team.id)).status).toBe(200);
      expect((await bind(world.alice, personalKey.id, personal.id)).status).toBe(200);
      expect((await bind(world.carol, carolsKey.id, team.id)).status).toBe(200);
    });

    it('never binds across tenants, and answers exactly like a missing key or preference', async () => {
      const alicesKey = await createKey(world.alice, { scope: 'org' });
      const alicesTeam = await createPreference(world.alice, { scope: 'team' });
      const alicesOwn = await createPreference(world.alice);
      const bobsKey = await createKey(world.bob, { scope: 'org' });
      const bobsTeam = await createPreference(world.bob, { scope: 'team' });
      const bob = world.bob.api.keys;
      const before = world.events();
      const missingPreference = await rejection(bind(world.bob, bobsKey.id, MISSING));
      const missingKey = await rejection(bind(world.bob, MISSING, bobsTeam.id));
      const attempts: readonly (readonly [() => Promise<unknown>, KeyledgerApiError])[] = [
        [() => bind(world.bob, bobsKey.id, alicesTeam.id), missingPreference],
        [() => bind(world.bob, bobsKey.id, alicesOwn.id), missingPreference],
        [() => bind(world.bob, alicesKey.id, bobsTeam.id), missingKey],
        [() => bind(world.bob, alicesKey.id, null), missingKey],
        [() => bind(world.alice, alicesKey.id, bobsTeam.id), missingPreference],
        [() => bob.routingPreference.get(alicesKey.id), missingKey],
        [() => bob.effectiveRouting.get(alicesKey.id), missingKey],
        [() => bob.routingRules.get(alicesKey.id), missingKey],
        [() => bob.routingRules.put(alicesKey.id, {}), missingKey],
        [() => bob.routingRules.delete(alicesKey.id), missingKey],
      ];
      for (const [attempt, missing] of attempts) {
        const refused = await expectApiError(attempt(), 404, 'not_found');
        expect(refused.message).toBe(missing.message);
      }
      expect(world.events()).toBe(before);
      expect((await binding(world.alice, alicesKey.id)).data).toMatchObject({
        preference_id: null,
      });
    });

    // Invalid bodies on purpose: sent raw.
    it.each<[string, unknown, string]>([
      ['a missing preference_id', {}, 'preference_id'],
      ['a preference_id that is not a UUID', { preference_id: 'p1' }, 'preference_id'],
      ['an unknown field', { preference_id: null, force: true }, 'force'],
    ])('refuses %s', async (_, body, field) => {
      const key = await createKey(world.alice);
      const before = world.events();
      const refused = await world.alice.send('PUT', keyPath(key.id, 'routing-preference'), body);
      expectError(refused, 400, 'validation_failed');
      expect(failedFields(refused)).toContain(field);
      expect(world.events()).toBe(before);
    });

    it('refuses a deleted preference and a revoked key', async () => {
      const key = await createKey(world.alice);
      const preference = await createPreference(world.alice);
      await world.alice.api.routingPreferences.delete(preference.id);
      await expectApiError(bind(world.alice, key.id, preference.id), 404, 'not_found');
      const live = await createPreference(world.alice);
      await world.alice.api.keys.revoke(key.id);
      const before = world.events();
      await expectApiError(bind(world.alice, key.id, live.id), 409, 'key_revoked');
      expect(world.events()).toBe(before);
    });
  });

  describe('key-first rules', () => {
    it('sets, reads and drops rules kept on the key, leaving shared preferences untouched', async () => {
      const key = await createKey(world.alice);
      const preference = await createPreference(world.alice, { name: 'shared' });
      await bind(world.alice, key.id, preference.id);
      const rules = world.alice.api.keys.routingRules;
      expect((await rules.get(key.id)).data).toEqual({
        key_id: key.id,
        has_routing_rules: false,
        rules: [],
        examples: [],
        confidence_floor_overrides: {},
      });
      const set = await rules.put(key.id, { rules: [rule({ pattern: '^own', confidence: 5 })] });
      expect(set.status).toBe(200);
      expect(set.data).toMatchObject({
        has_routing_rules: true,
        rules: [{ pattern: '^own', confidence: 0.99, target_engine: null, description: null }],
        examples: [],
      });
      expect((await rules.get(key.id)).data).toEqual(set.data);
      expect(await effective(key.id)).toMatchObject({
        source: 'key',
        is_per_key: true,
        preference_id: null,
        rules: [{ pattern: '^own' }],
      });
      const before = world.events();
      // The whole answer sent back as a body (key_id is no request field): sent raw.
      const path = keyPath(key.id, 'routing-rules');
      expect((await world.alice.send('PUT', path, set.data)).status).toBe(400);
      expect((await rules.put(key.id, { rules: set.data.rules })).status).toBe(200);
      expect(world.events()).toBe(before);
      const dropped = await rules.delete(key.id);
      expect(dropped.status).toBe(204);
      expect(await effective(key.id)).toMatchObject({
        source: 'key',
        is_per_key: false,
        preference_id: preference.id,
      });
      const shared = await world.alice.api.routingPreferences.get(preference.id);
      expect(shared.data.rules).toEqual(preference.rules);
    });

    it('validates the rules and honours If-Match', async () => {
      const key = await createKey(world.alice);
      const rules = world.alice.api.keys.routingRules;
      const before = world.events();
      const refused = await expectApiError(
        rules.put(key.id, { rules: [rule(), rule({ pattern: '*' })] }),
        400,
        'validation_failed',
      );
      expect(failedFieldsOf(refused)).toEqual(['rules[1].pattern']);
      await expectApiError(
        rules.put(key.id, { rules: [rule()] }, { ifMatch: '"7"' }),
        412,
        'precondition_failed',
      );
      await expectApiError(rules.delete(key.id, { ifMatch: '"7"' }), 412, 'precondition_failed');
      expect(world.events()).toBe(before);
    });
  });

  describe('effective routing', () => {
    it('follows key rules → binding → org default → user default → none, skipping disabled', async () => {
      const key = await createKey(world.alice, { scope: 'org' });
      const preferences = world.alice.api.routingPreferences;
      expect(await effective(key.id)).toEqual({
        key_id: key.id,
        source: 'none',
        is_per_key: false,
        preference_id: null,
        preference_name: null,
        rules: [],
        examples: [],
        confidence_floor_overrides: {},
      });
      const mine = await createPreference(world.alice, { name: 'mine', is_default: true });
      expect(await effective(key.id)).toMatchObject({
        source: 'user_default',
        preference_id: mine.id,
        preference_name: 'mine',
      });
      const org = await createPreference(world.alice, {
        name: 'org',
        scope: 'team',
        is_default: true,
      });
      expect(await effective(key.id)).toMatchObject({
        source: 'org_default',
        preference_id: org.id,
      });
      const bound = await createPreference(world.alice, { name: 'bound', scope: 'team' });
      await bind(world.alice, key.id, bound.id);
      expect(await effective(key.id)).toMatchObject({
        source: 'key',
        is_per_key: false,
        preference_id: bound.id,
      });
      await world.alice.api.keys.routingRules.put(key.id, { rules: [rule()] });
      expect(await effective(key.id)).toMatchObject({ source: 'key', is_per_key: true });
      await world.alice.api.keys.routingRules.delete(key.id);
      await preferences.update(bound.id, { enabled: false });
      expect(await effective(key.id)).toMatchObject({ source: 'org_default' });
      await preferences.delete(org.id);
      expect(await effective(key.id)).toMatchObject({ source: 'user_default' });
      await preferences.update(mine.id, { enabled: false });
      expect(await effective(key.id)).toMatchObject({ source: 'none' });
      const member = await world.dave.api.keys.effectiveRouting.get(key.id);
      expect(member.data.source).toBe('none');
    });

    it('never applies an org default to a personal key', async () => {
      const client = world.as(
        await world.app.token('gina', { orgs: [{ id: 'org_g', permissions: ['manageRouting'] }] }),
      );
      const key = await createKey(client);
      await createPreference(client, { scope: 'team', is_default: true });
      const routing = await client.api.keys.effectiveRouting.get(key.id);
      expect(routing.data.source).toBe('none');
    });
  });

  describe('DELETE of a preference', () => {
    it('unbinds every bound key, each with its own event, and clears it as default', async () => {
      const team = await createPreference(world.alice, { scope: 'team', is_default: true });
      const keys = [
        await createKey(world.alice, { scope: 'org' }),
        await createKey(world.carol, { scope: 'org' }),
        await createKey(world.alice, { scope: 'org' }),
      ];
      for (const key of keys) expect((await bind(world.alice, key.id, team.id)).status).toBe(200);
      const other = await createKey(world.alice, { scope: 'org' });
      const before = world.events();
      expect((await world.alice.api.routingPreferences.delete(team.id)).status).toBe(204);
      // The deletion, the default's clearing, and one unbinding per bound key: nothing else.
      expect(world.events()).toBe(before + 1 + 1 + keys.length);
      for (const key of keys) {
        const last = (await world.keyEvents(key.id)).at(-1);
        expect(last).toMatchObject({
          type: 'PreferenceUnbound',
          data: { preference_id: team.id, reason: 'preference_deleted' },
        });
        expect((await binding(world.alice, key.id)).data).toMatchObject({
          preference_id: null,
          inherits_default: true,
        });
        expect((await effective(key.id)).preference_id).not.toBe(team.id);
      }
      expect((await world.keyEvents(other.id)).map((e) => e.type)).toEqual(['KeyCreated']);
    });

    it('completes the cleanup a crashed DELETE left behind when it is retried', async () => {
      const preference = await createPreference(world.alice, { is_default: true });
      const key = await createKey(world.alice);
      await bind(world.alice, key.id, preference.id);
      // A crash right after the commit point: only the deletion itself was recorded.
      await world.appendAndSettle(routingPreferenceStream(preference.id), {
        type: 'RoutingPreferenceDeleted',
        data: { preference_id: preference.id, deleted_at: new Date().toISOString() },
      });
      expect((await effective(key.id)).source).toBe('none');
      const retried = await world.alice.api.routingPreferences.delete(preference.id);
      expect(retried.status).toBe(204);
      expect((await world.keyEvents(key.id)).at(-1)).toMatchObject({
        type: 'PreferenceUnbound',
        data: { reason: 'preference_deleted' },
      });
      const defaults = await world.alice.api.routingPreferences.list({
        is_default: true,
        scope: 'personal',
      });
      expect(defaults.data).toEqual([]);
    });
  });
});
