import { createHash } from 'node:crypto';
import {
  ANALYTICS_POINT_FIELDS,
  AUDIT_ENTRY_FIELDS,
  AUDIT_EVENT_TYPES,
  clientOperations,
  EFFECTIVE_ROUTING_FIELDS,
  fieldNames,
  Fields,
  IMPORTED_KEY_OUTCOME_FIELDS,
  Key,
  KEY_FIELDS,
  KEY_HISTORY_ENTRY_FIELDS,
  KEY_ROUTING_PREFERENCE_FIELDS,
  KEY_ROUTING_RULES_FIELDS,
  KeyledgerApiError,
  KeyledgerClient,
  requiredFieldNames,
  ROUTING_PREFERENCE_FIELDS,
  RoutingPreference,
  verifyConsistency,
  verifyInclusion,
  verifyTreeHead,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_FIELDS,
} from '@keyledger/client';
import { startTestApp, TestApp } from '../support/test-app';
import { expectApiError, failedFieldsOf, rejection } from './api-error-assertions';
import { documented, documentedMethods, fetchOpenApi, OpenApiDocument } from './openapi-contract';

/** Asserts an answer has every field the list requires and none it does not name. */
function expectFields(resource: object, fields: Fields): void {
  const present = Object.keys(resource);
  expect({
    unknown: present.filter((name) => !(name in fields)),
    missing: requiredFieldNames(fields).filter((name) => !present.includes(name)),
  }).toEqual({ unknown: [], missing: [] });
}

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

/** The key a command answered with, failing the test when it is not visible yet (202). */
const visible = (key: Key | null): Key => {
  if (key === null) throw new Error('the write is not visible yet');
  return key;
};

describe('@keyledger/client against the running app', () => {
  let app: TestApp;
  let alice: KeyledgerClient;
  let bob: KeyledgerClient;
  let document: OpenApiDocument;

  beforeAll(async () => {
    app = await startTestApp();
    const as = async (sub: string, org: string) =>
      new KeyledgerClient({
        baseUrl: app.baseUrl,
        auth: {
          bearer: await app.token(sub, {
            orgs: [{ id: org, permissions: ['manageApiKeys', 'manageRouting'] }],
          }),
        },
      });
    alice = await as('alice', 'org_a');
    bob = await as('bob', 'org_b');
    document = await fetchOpenApi(app.baseUrl);
  });
  afterAll(() => app.close());

  describe('checked against /openapi.json', () => {
    it.each(clientOperations().map((entry) => [entry.name, entry.operation] as const))(
      '%s: method, path, query and body fields are the documented ones',
      (_, operation) => {
        const route = documented(document, operation.method, operation.path);
        expect(route).not.toBeNull();
        expect(route?.query).toEqual(fieldNames(operation.query ?? {}));
        expect(route?.body).toEqual(
          operation.body
            ? { fields: fieldNames(operation.body), required: requiredFieldNames(operation.body) }
            : null,
        );
      },
    );

    it('covers every method documented on the paths it calls', () => {
      const called = clientOperations().map(
        ({ operation }) => `${operation.method} ${operation.path}`,
      );
      const paths = new Set(clientOperations().map(({ operation }) => operation.path));
      const offered = [...paths].flatMap((path) =>
        documentedMethods(document, path).map((method) => `${method} ${path}`),
      );
      expect(offered.filter((route) => !called.includes(route))).toEqual([]);
    });

    it('names exactly the response fields, and the required ones, the document declares', () => {
      for (const { name, operation } of clientOperations()) {
        const declared = documented(document, operation.method, operation.path)?.response ?? null;
        expect({ name, response: declared }).toEqual({
          name,
          response: operation.response
            ? {
                fields: fieldNames(operation.response),
                required: requiredFieldNames(operation.response),
              }
            : null,
        });
      }
    });

    it('names exactly the event types the document enumerates for audit filters and webhooks', async () => {
      type Enumerated = { items?: { enum?: string[] } };
      const raw = (await fetch(`${app.baseUrl}/openapi.json`).then((r) => r.json())) as {
        paths: Record<
          string,
          Record<string, { parameters?: { name: string; schema?: Enumerated }[] }>
        >;
        components: { schemas: Record<string, { properties?: Record<string, Enumerated> }> };
      };
      const filter = raw.paths['/api/v1/audit'].get.parameters?.find(
        (p) => p.name === 'event_type',
      );
      expect(filter?.schema?.items?.enum).toEqual([...AUDIT_EVENT_TYPES]);
      const hookTypes =
        raw.components.schemas.CreateWebhookRequestDto.properties?.event_types.items?.enum;
      expect(hookTypes?.filter((type) => type !== '*')).toEqual([...WEBHOOK_EVENT_TYPES]);
    });

    it('gets answers carrying exactly the fields its types name', async () => {
      // Personal: a personal preference binds only to its author's personal keys.
      const created = await alice.keys.create({ name: 'shape' });
      const key = visible(created.data);
      const preference = (await alice.routingPreferences.create({ name: 'shape' })).data;
      await alice.keys.routingPreference.put(key.id, { preference_id: preference.id });
      const answers: readonly [object, Fields][] = [
        [key, KEY_FIELDS],
        [(await alice.keys.get(key.hash)).data, KEY_FIELDS],
        [(await alice.keys.list()).data[0], KEY_FIELDS],
        [preference, ROUTING_PREFERENCE_FIELDS],
        [(await alice.routingPreferences.list()).data[0], ROUTING_PREFERENCE_FIELDS],
        [(await alice.keys.routingPreference.get(key.id)).data, KEY_ROUTING_PREFERENCE_FIELDS],
        [(await alice.keys.routingRules.get(key.id)).data, KEY_ROUTING_RULES_FIELDS],
        [(await alice.keys.effectiveRouting.get(key.id)).data, EFFECTIVE_ROUTING_FIELDS],
      ];
      for (const [answer, fields] of answers) expectFields(answer, fields);
    });
  });

  describe('keys', () => {
    it('creates a key, shows its secret once, and reads it back by id and hash', async () => {
      const created = await alice.keys.create({ name: 'ci', limit: 10, limit_reset: 'monthly' });
      const key = visible(created.data);
      expect(created).toMatchObject({ status: 201, etag: '"0"', revision: 0, replayed: false });
      expect(created.secret).toMatch(/^rk_[0-9a-f]{64}$/);
      expect(created.position).toBeGreaterThan(0);
      expect(key).toMatchObject({ name: 'ci', limit: 10, limit_remaining: 10, scope: 'personal' });
      const options = { minPosition: created.position };
      for (const idOrHash of [key.id, key.hash]) {
        const read = await alice.keys.get(idOrHash, options);
        expect({ data: read.data, etag: read.etag }).toEqual({ data: key, etag: '"0"' });
      }
    });

    it('imports keys by hash and reports a leak, answering alike whatever the secret', async () => {
      const secret = `sk-or-v1-${'c'.repeat(64)}`;
      const hash = createHash('sha256').update(secret).digest('hex');
      const key = {
        name: 'migrated',
        hash,
        hash_algorithm: 'sha256',
        prefix: 'sk-or-v1-',
      } as const;
      const imported = await alice.keys.import({ keys: [key], origin: 'openrouter' });
      expect(imported.summary).toEqual({ created: 1, already_imported: 0, refused: 0 });
      expect(imported.data[0]).toMatchObject({ index: 0, status: 'created', hash });
      expectFields(imported.data[0], IMPORTED_KEY_OUTCOME_FIELDS);
      const read = await alice.keys.get(hash, { minPosition: imported.position });
      expect(read.data).toMatchObject({ hash_scheme: 'sha256', label: 'sk-or-v1-…' });
      const hit = await alice.keys.reportLeak({ secret, source_url: 'https://paste.test/1' });
      const miss = await alice.keys.reportLeak({ secret: `${secret}x` });
      expect([hit.status, hit.data]).toEqual([miss.status, miss.data]);
      expect(hit).toMatchObject({ status: 202, data: { received: true } });
    });

    it('replays an Idempotency-Key retry: the same key, no secret, nothing new', async () => {
      const idempotencyKey = `client-e2e-${Date.now()}`;
      const first = await alice.keys.create({ name: 'nightly' }, { idempotencyKey });
      const retry = await alice.keys.create({ name: 'nightly' }, { idempotencyKey });
      expect(retry).toMatchObject({ status: 201, replayed: true, secret: null, data: first.data });
      const named = await alice.keys.list({ name: 'nightly' });
      expect(named.data.map((key) => key.id)).toEqual([first.data?.id]);
      await expectApiError(
        alice.keys.create({ name: 'other body' }, { idempotencyKey }),
        409,
        'idempotency_key_reused',
      );
    });

    it('iterates every page of the list, following the cursor', async () => {
      const carol = new KeyledgerClient({
        baseUrl: app.baseUrl,
        auth: { bearer: await app.token('carol') },
      });
      const names = ['p1', 'p2', 'p3', 'p4', 'p5'];
      for (const name of names) await carol.keys.create({ name });
      const firstPage = await carol.keys.list({ limit: 2 });
      expect(firstPage.data).toHaveLength(2);
      expect(firstPage.next_cursor).toEqual(expect.any(String));
      const all = await collect(carol.keys.iterate({ limit: 2 }));
      expect(all.map((key) => key.name)).toEqual([...names].reverse());
      const revoked = visible((await carol.keys.revoke(all[0].id, { reason: 'test' })).data);
      expect((await collect(carol.keys.iterate({ limit: 2 }))).map((k) => k.id)).not.toContain(
        revoked.id,
      );
      const withRevoked = await collect(carol.keys.iterate({ limit: 2, include_revoked: true }));
      expect(withRevoked).toHaveLength(names.length);
    });

    it('updates with If-Match, and refuses a stale ETag with a KeyledgerApiError 412', async () => {
      const key = visible((await alice.keys.create({ name: 'v0' })).data);
      const read = await alice.keys.get(key.id);
      const updated = await alice.keys.update(key.id, { name: 'v1' }, { ifMatch: read.etag });
      expect(updated).toMatchObject({ status: 200, etag: '"1"', revision: 1 });
      expect(updated.data?.name).toBe('v1');
      const stale = await rejection(
        alice.keys.update(key.id, { name: 'v2' }, { ifMatch: read.etag }),
      );
      expect(stale).toBeInstanceOf(KeyledgerApiError);
      expect(stale).toMatchObject({ status: 412, code: 'precondition_failed', fields: [] });
      expect(stale.request_id).toEqual(expect.any(String));
      expect(stale.headers.get('x-error-code')).toBe('precondition_failed');
      await expectApiError(
        alice.keys.revoke(key.id, { ifMatch: read.revision }),
        412,
        'precondition_failed',
      );
      expect((await alice.keys.get(key.id)).data.name).toBe('v1');
    });

    it('rotates, resets the limit and revokes; the calling key describes itself', async () => {
      const created = await alice.keys.create({
        name: 'worker',
        scopes: ['completions'],
        limit: 5,
      });
      const key = visible(created.data);
      const asKey = (secret: string | null) =>
        new KeyledgerClient({ baseUrl: app.baseUrl, auth: { apiKey: secret ?? '' } });
      expect((await asKey(created.secret).key.current()).data.id).toBe(key.id);
      const rotated = await alice.keys.rotate(key.id, { grace_period_seconds: 60 });
      expect(rotated.secret).toMatch(/^rk_/);
      expect(rotated.headers.get('cache-control')).toBe('no-store');
      for (const secret of [created.secret, rotated.secret]) {
        expect((await asKey(secret).key.current()).data.id).toBe(key.id);
      }
      const reset = await alice.keys.resetLimit(key.id, { reason: 'goodwill' });
      expect(reset).toMatchObject({ status: 200, etag: '"2"' });
      // Rotation replaced the secret, so the key is now found by its new hash.
      const { hash } = visible(rotated.data);
      expect(hash).not.toBe(key.hash);
      const revoked = await alice.keys.revoke(hash, { reason: 'done', ifMatch: reset.etag });
      expect(revoked.data).toMatchObject({ revoked: true, revoked_at: expect.any(String) });
      await expectApiError(asKey(rotated.secret).key.current(), 401, 'invalid_api_key');
      await expectApiError(alice.keys.update(key.id, { name: 'zombie' }), 409, 'key_revoked');
    });

    it('throws typed errors: validation fields, and not_found for another tenant', async () => {
      const refused = await expectApiError(
        alice.keys.create({ name: 'x', expires_at: '2001-01-01T00:00:00Z' }),
        400,
        'validation_failed',
      );
      expect(failedFieldsOf(refused)).toEqual(['expires_at']);
      const key = visible((await alice.keys.create({ name: 'private' })).data);
      await expectApiError(bob.keys.get(key.id), 404, 'not_found');
      await expectApiError(bob.keys.routingRules.get(key.id), 404, 'not_found');
      await expectApiError(
        new KeyledgerClient({ baseUrl: app.baseUrl }).keys.list(),
        401,
        'authentication_required',
      );
      await expectApiError(alice.key.current(), 403, 'api_key_required');
    });
  });

  describe('routing preferences', () => {
    it('creates, lists, iterates, reads, updates with If-Match and deletes', async () => {
      const preferences = alice.routingPreferences;
      const created: RoutingPreference[] = [];
      for (const name of ['r1', 'r2', 'r3']) {
        created.push(
          (
            await preferences.create({
              name,
              rules: [{ pattern: '^sql', target_mode: 'code', confidence: 2 }],
            })
          ).data,
        );
      }
      expect(created[0].rules[0]).toEqual({
        pattern: '^sql',
        target_mode: 'code',
        target_engine: null,
        confidence: 0.99,
        description: null,
      });
      const ids = (await collect(preferences.iterate({ limit: 1 }))).map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining(created.map((p) => p.id)));
      expect(new Set(ids).size).toBe(ids.length);
      const read = await preferences.get(created[0].id);
      const renamed = await preferences.update(
        created[0].id,
        { name: 'r1 renamed', is_default: true },
        { ifMatch: read.etag },
      );
      expect(renamed).toMatchObject({ status: 200, revision: (read.revision ?? 0) + 1 });
      expect(renamed.data).toMatchObject({ name: 'r1 renamed', is_default: true });
      const defaults = await preferences.list({ is_default: true, scope: 'personal' });
      expect(defaults.data.map((p) => p.id)).toEqual([created[0].id]);
      await expectApiError(
        preferences.delete(created[0].id, { ifMatch: read.etag }),
        412,
        'precondition_failed',
      );
      const deleted = await preferences.delete(created[0].id, { ifMatch: renamed.etag });
      expect(deleted).toMatchObject({ status: 204, data: null });
      expect(deleted.position).toBeGreaterThan(0);
      await expectApiError(preferences.get(created[0].id), 404, 'not_found');
    });

    it('binds keys, keeps rules on a key, and reports the effective routing', async () => {
      const key = visible((await alice.keys.create({ name: 'routed', scope: 'org' })).data);
      const team = (await alice.routingPreferences.create({ name: 'team', scope: 'team' })).data;
      const unbound = await alice.keys.routingPreference.get(key.id);
      expect(unbound.data).toEqual({ key_id: key.id, preference_id: null, inherits_default: true });
      const bound = await alice.keys.routingPreference.put(
        key.hash,
        { preference_id: team.id },
        { ifMatch: unbound.etag },
      );
      expect(bound).toMatchObject({ status: 200, data: { preference_id: team.id } });
      expect((await alice.keys.effectiveRouting.get(key.id)).data).toMatchObject({
        source: 'key',
        is_per_key: false,
        preference_id: team.id,
        preference_name: 'team',
      });
      const rules = await alice.keys.routingRules.put(key.id, {
        rules: [{ pattern: '^own', target_mode: 'chat', confidence: 0.7 }],
        confidence_floor_overrides: { chat: 0.6 },
      });
      expect(rules.data).toMatchObject({ has_routing_rules: true, examples: [] });
      expect((await alice.keys.routingRules.get(key.id)).data).toEqual(rules.data);
      expect((await alice.keys.effectiveRouting.get(key.id)).data).toMatchObject({
        source: 'key',
        is_per_key: true,
      });
      await expectApiError(
        alice.keys.routingRules.delete(key.id, { ifMatch: unbound.etag }),
        412,
        'precondition_failed',
      );
      expect((await alice.keys.routingRules.delete(key.id, { ifMatch: rules.etag })).status).toBe(
        204,
      );
      const cleared = await alice.keys.routingPreference.put(key.id, { preference_id: null });
      expect(cleared.data.inherits_default).toBe(true);
      expect((await alice.keys.effectiveRouting.get(key.id)).data.source).toBe('none');
    });
  });

  describe('audit, history, reports and webhooks', () => {
    it('pages the audit log, exports it, and reads a key history with full metadata', async () => {
      const key = visible((await alice.keys.create({ name: 'audited', scope: 'org' })).data);
      const disabled = await alice.keys.update(key.id, { disabled: true, reason: 'leaked' });
      const read = { minPosition: disabled.position };
      const page = await alice.audit.list({ key_id: key.id, limit: 1 }, read);
      expect(page.data.map((entry) => entry.event_type)).toEqual(['KeyDisabled']);
      expect(page.next_cursor).toEqual(expect.any(String));
      expectFields(page.data[0], AUDIT_ENTRY_FIELDS);
      expect(page.data[0]).toMatchObject({ actor_kind: 'user', actor_id: 'alice', key_id: key.id });
      const all = await collect(alice.audit.iterate({ key_id: key.id, limit: 1, order: 'asc' }));
      expect(all.map((entry) => entry.event_type)).toEqual(['KeyCreated', 'KeyDisabled']);
      const csv = await alice.audit.export({ key_id: key.id, format: 'csv' });
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.data.trim().split('\r\n')).toHaveLength(3);
      const ndjson = await alice.audit.export({ key_id: key.id, event_type: 'KeyDisabled' });
      expect(
        ndjson.data
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).event_type),
      ).toEqual(['KeyDisabled']);
      const history = await alice.keys.history(key.hash, read);
      expect(history.key_id).toBe(key.id);
      expect(history.data.map((entry) => entry.type)).toEqual(['KeyCreated', 'KeyDisabled']);
      for (const entry of history.data) expectFields(entry, KEY_HISTORY_ENTRY_FIELDS);
      expect(history.data[1].metadata.actor).toEqual({ kind: 'user', id: 'alice' });
    });

    it('reads signed tree heads and proofs, which the client itself verifies', async () => {
      const key = visible((await alice.keys.create({ name: 'proven' })).data);
      const { data: head } = await alice.audit.treeHead();
      const { data: keys } = await alice.audit.publicKeys();
      const signer = keys.find((candidate) => candidate.key_id === head.key_id);
      expect(signer && (await verifyTreeHead(head, signer))).toBe(true);
      const [event] = (await alice.keys.history(key.id)).data;
      const { data: proof } = await alice.audit.inclusionProof({
        event_id: event.id,
        tree_size: head.tree_size,
      });
      const leaf = {
        id: event.id,
        stream: `key-${key.id}`,
        revision: event.revision,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
        recorded_at: event.recorded_at,
      };
      expect(await verifyInclusion(leaf, proof, head)).toBe(true);
      await alice.keys.update(key.id, { name: 'proven again' });
      const { data: later } = await alice.audit.treeHead();
      const { data: grew } = await alice.audit.consistencyProof({
        first: head.tree_size,
        second: later.tree_size,
      });
      expect(await verifyConsistency(head, later, grew)).toBe(true);
    });

    it('runs reports with their parameters', async () => {
      const byState = await alice.reports.run('keys-by-state', { org_id: 'org_a' });
      expect(byState).toMatchObject({ status: 200, report: 'keys-by-state' });
      expect(byState.columns[0]).toBe('org_id');
      expect(byState.data.map((row) => row.org_id)).toEqual(['org_a']);
      const idle = await alice.reports.run('unused-keys', { days: 0 });
      expect(idle.title).toContain('0 days');
      const near = await alice.reports.run('keys-near-limit', { threshold: 50 });
      expect(near.columns).toContain('used_percent');
      const violations = await alice.reports.run('policy-violations', { org_id: 'org_a' });
      expect(violations).toMatchObject({ status: 200, report: 'policy-violations' });
      expect(violations.columns.slice(-2)).toEqual(['rule', 'reason']);
      await expectApiError(
        alice.reports.run('unused-keys', { days: -1 }),
        400,
        'validation_failed',
      );
    });

    it("reads a key's and an org's analytics, every bucket with the fields its type names", async () => {
      const key = visible((await alice.keys.create({ name: 'charted', org_id: 'org_a' })).data);
      const ofKey = await alice.analytics.ofKey(key.id, { granularity: 'day' });
      expect(ofKey.status).toBe(200);
      expect(ofKey.data.length).toBeGreaterThanOrEqual(30);
      for (const point of ofKey.data) expectFields(point, ANALYTICS_POINT_FIELDS);
      const ofOrg = await alice.analytics.ofOrg({ org_id: 'org_a', group_by: 'outcome' });
      // The last 24 hours by default: the hour 24 hours ago, partly, to the current one.
      expect(ofOrg.data).toHaveLength(25);
      expect(ofOrg.data[0].groups).toEqual({});
      await expectApiError(
        alice.analytics.ofKey(key.id, { granularity: 'week' as 'day' }),
        400,
        'validation_failed',
      );
    });

    it('creates, pauses, rotates and deletes a webhook; the secret appears only when made', async () => {
      const created = await alice.webhooks.create({
        url: 'https://hooks.example.com/keyledger',
        event_types: ['key.disabled'],
      });
      expect(created.secret).toMatch(/^whsec_/);
      expectFields(created.data, WEBHOOK_FIELDS);
      const { id } = created.data;
      const listed = await alice.webhooks.list();
      expect(listed.data.map((hook) => hook.id)).toContain(id);
      expect(listed.data.some((hook) => 'secret' in hook)).toBe(false);
      const paused = await alice.webhooks.update(id, { enabled: false }, { ifMatch: created.etag });
      expect(paused.data.enabled).toBe(false);
      const rotated = await alice.webhooks.rotateSecret(id);
      expect(rotated.secret).not.toBe(created.secret);
      expect(rotated.data.secret_version).toBe(2);
      expect((await alice.webhooks.get(id)).data.enabled).toBe(false);
      expect((await alice.webhooks.deliveries(id, { status: 'pending' })).next_cursor).toBeNull();
      expect((await alice.webhooks.delete(id)).status).toBe(204);
      await expectApiError(alice.webhooks.get(id), 404, 'not_found');
    });
  });
});
