import { createHash } from 'node:crypto';
import { ProjectionRunner } from '@keyledger/read-models';
import { reportUsage, resolve } from './resolution/resolution-support';
import {
  createKey,
  createPreference,
  rule,
  startWorld,
  World,
} from './routing-preferences/routing-world';
import { call, Exchange } from './support/http';
import {
  deliveryLog,
  startWebhookWorld,
  subscribe,
  until,
  WebhookWorld,
} from './webhooks/webhook-world';

/** The parts of an OpenAPI 3.0 schema these checks read. */
interface Schema {
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly type?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly additionalProperties?: Schema | boolean;
  readonly oneOf?: readonly Schema[];
}

interface Document {
  readonly paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

/** A schema with its `$ref` followed and an `allOf` merged; the outer `nullable` wins. */
function resolveSchema(document: Document, schema: Schema): Schema {
  if (schema.$ref) {
    const target = document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`${schema.$ref} is not in components.schemas`);
    return resolveSchema(document, target);
  }
  if (!schema.allOf) return schema;
  const parts = schema.allOf.map((part) => resolveSchema(document, part));
  return parts.reduce<Schema>(
    (merged, part) => ({
      ...part,
      ...merged,
      properties: { ...part.properties, ...merged.properties },
      required: [...(part.required ?? []), ...(merged.required ?? [])],
    }),
    { ...schema, allOf: undefined },
  );
}

/** The names in `names` that `others` lacks. */
const without = (names: readonly string[], others: readonly string[]): string[] =>
  names.filter((name) => !others.includes(name));

const JSON_TYPES: Readonly<Record<string, readonly string[]>> = {
  string: ['string'],
  number: ['number', 'integer'],
  boolean: ['boolean'],
};

/**
 * Where a real answer and its documented schema disagree: property names (documented exactly
 * when present), required marks (every property of these answers is always present), nullable
 * marks (a null value must be nullable) and JSON types, down through nested objects and arrays.
 */
function mismatches(document: Document, declared: Schema, value: unknown, path: string): string[] {
  const schema = resolveSchema(document, declared);
  if (value === null) return schema.nullable === true ? [] : [`${path}: null, but not nullable`];
  if (Array.isArray(value)) {
    if (schema.type !== 'array' || !schema.items)
      return [`${path}: an array, documented otherwise`];
    const items = schema.items;
    return value.flatMap((item, index) => mismatches(document, items, item, `${path}[${index}]`));
  }
  if (typeof value === 'object') {
    if (schema.type !== undefined && schema.type !== 'object') {
      return [`${path}: an object, documented as ${schema.type}`];
    }
    // A map (mode → floor, a report row): documented by additionalProperties, not by names.
    if (!schema.properties) {
      const values = schema.additionalProperties;
      if (values === undefined || values === false)
        return [`${path}: an object without documented fields`];
      if (values === true) return [];
      return Object.entries(value).flatMap(([name, item]) =>
        mismatches(document, values, item, `${path}.${name}`),
      );
    }
    const actual = Object.keys(value).sort();
    const documented = Object.keys(schema.properties).sort();
    const required = [...(schema.required ?? [])].sort();
    const problems = [
      ...without(actual, documented).map((name) => `${path}.${name}: answered, not documented`),
      ...without(documented, actual).map((name) => `${path}.${name}: documented, not answered`),
      ...without(actual, required).map((name) => `${path}.${name}: always answered, not required`),
      ...without(required, actual).map((name) => `${path}.${name}: required, not answered`),
    ];
    const properties = schema.properties;
    return problems.concat(
      actual
        .filter((name) => properties[name] !== undefined)
        .flatMap((name) =>
          mismatches(
            document,
            properties[name],
            (value as Record<string, unknown>)[name],
            `${path}.${name}`,
          ),
        ),
    );
  }
  if (schema.oneOf !== undefined) {
    const matched = schema.oneOf.some(
      (option) => mismatches(document, option, value, path).length === 0,
    );
    return matched ? [] : [`${path}: ${JSON.stringify(value)} matches none of its oneOf`];
  }
  const types = JSON_TYPES[typeof value] ?? [];
  if (schema.type === undefined && schema.enum === undefined) return [`${path}: no type`];
  if (schema.type !== undefined && !types.includes(schema.type)) {
    return [`${path}: a ${typeof value}, documented as ${schema.type}`];
  }
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  }
  return [];
}

/** The `/openapi.json` a running app serves. */
const documentOf = async (baseUrl: string): Promise<Document> =>
  (await call<Document>(baseUrl, 'GET', '/openapi.json')).body;

/**
 * Checks a real exchange of `METHOD path` against the schema `document` gives its status: a
 * success (200, 201, or 202 when reads had not caught up), documented exactly.
 */
function expectOperation(
  document: Document,
  method: string,
  path: string,
  exchange: Exchange,
): void {
  expect([200, 201, 202]).toContain(exchange.status);
  const operation = document.paths[path]?.[method.toLowerCase()];
  const schema =
    operation?.responses[String(exchange.status)]?.content?.['application/json']?.schema;
  const route = `${method} ${path} → ${exchange.status}`;
  expect({ route, documented: schema !== undefined }).toEqual({ route, documented: true });
  if (schema === undefined) return;
  expect({ route, problems: mismatches(document, schema, exchange.body, '') }).toEqual({
    route,
    problems: [],
  });
}

describe('response schemas in /openapi.json', () => {
  let world: World;
  let document: Document;

  const expectDocumented = (method: string, path: string, exchange: Exchange): void =>
    expectOperation(document, method, path, exchange);

  beforeAll(async () => {
    world = await startWorld();
    document = await documentOf(world.app.baseUrl);
  });
  afterAll(() => world.app.close());

  it('names the key routes exactly as they answer', async () => {
    const { alice } = world;
    const created = await alice.send('POST', '/api/v1/keys', { name: 'unlimited' });
    expectDocumented('POST', '/api/v1/keys', created);
    const limited = await createKey(alice, { name: 'limited', limit: 5, limit_reset: 'daily' });
    const { id } = limited;
    expectDocumented('GET', '/api/v1/keys/{id}', await alice.get(`/api/v1/keys/${id}`));
    expectDocumented('GET', '/api/v1/keys', await alice.get('/api/v1/keys?limit=1'));
    expectDocumented('GET', '/api/v1/keys', await alice.get('/api/v1/keys'));
    expectDocumented(
      'PATCH',
      '/api/v1/keys/{id}',
      await alice.send('PATCH', `/api/v1/keys/${id}`, { name: 'renamed' }),
    );
    expectDocumented(
      'POST',
      '/api/v1/keys/{id}/limit/reset',
      await alice.send('POST', `/api/v1/keys/${id}/limit/reset`, { reason: 'schema check' }),
    );
    const rotated = await alice.send<{ secret: string }>('POST', `/api/v1/keys/${id}/rotate`, {});
    expectDocumented('POST', '/api/v1/keys/{id}/rotate', rotated);
    const caller = world.as({ apiKey: rotated.body.secret });
    expectDocumented('GET', '/api/v1/key', await caller.get('/api/v1/key'));
    expectDocumented(
      'DELETE',
      '/api/v1/keys/{id}',
      await alice.send('DELETE', `/api/v1/keys/${id}?reason=done`),
    );
  });

  it('names the import and leak-report routes exactly as they answer', async () => {
    const { alice } = world;
    const secret = `sk-or-v1-${'d'.repeat(64)}`;
    const key = {
      name: 'migrated',
      hash: createHash('sha256').update(secret).digest('hex'),
      hash_algorithm: 'sha256',
      prefix: 'sk-or-v1-',
    };
    const imported = await alice.send<{ data: { key_id: string }[] }>(
      'POST',
      '/api/v1/keys/import',
      {
        keys: [key, key, { ...key, hash: 'bad' }],
        origin: 'schema check',
      },
    );
    expectDocumented('POST', '/api/v1/keys/import', imported);
    const keyId = imported.body.data[0].key_id;
    const leak = { secret, source_url: 'https://paste.test/schema' };
    expectDocumented(
      'POST',
      '/api/v1/keys/report-leak',
      await alice.send('POST', '/api/v1/keys/report-leak', leak),
    );
    expectDocumented('GET', '/api/v1/keys/{id}', await alice.get(`/api/v1/keys/${keyId}`));
  });

  it('names the routing preference routes exactly as they answer', async () => {
    const { alice } = world;
    const created = await alice.send('POST', '/api/v1/routing-preferences', {
      name: 'schema',
      rules: [rule(), rule({ target_engine: 'fast', description: 'selects' })],
      examples: [{ prompt: 'select 1', expected_mode: 'code' }],
      confidence_floor_overrides: { code: 0.7 },
    });
    expectDocumented('POST', '/api/v1/routing-preferences', created);
    const preference = await createPreference(alice, { name: 'plain' });
    const path = `/api/v1/routing-preferences/${preference.id}`;
    expectDocumented('GET', '/api/v1/routing-preferences/{id}', await alice.get(path));
    expectDocumented(
      'PATCH',
      '/api/v1/routing-preferences/{id}',
      await alice.send('PATCH', path, { description: 'now described' }),
    );
    expectDocumented(
      'GET',
      '/api/v1/routing-preferences',
      await alice.get('/api/v1/routing-preferences?limit=1'),
    );
    expectDocumented(
      'GET',
      '/api/v1/routing-preferences',
      await alice.get('/api/v1/routing-preferences'),
    );

    const key = await createKey(alice);
    const keyPath = `/api/v1/keys/${key.id}`;
    const routes = {
      preference: '/api/v1/keys/{id}/routing-preference',
      rules: '/api/v1/keys/{id}/routing-rules',
      effective: '/api/v1/keys/{id}/effective-routing',
    };
    expectDocumented('GET', routes.preference, await alice.get(`${keyPath}/routing-preference`));
    expectDocumented('GET', routes.effective, await alice.get(`${keyPath}/effective-routing`));
    expectDocumented('GET', routes.rules, await alice.get(`${keyPath}/routing-rules`));
    expectDocumented(
      'PUT',
      routes.preference,
      await alice.send('PUT', `${keyPath}/routing-preference`, { preference_id: preference.id }),
    );
    expectDocumented('GET', routes.preference, await alice.get(`${keyPath}/routing-preference`));
    expectDocumented('GET', routes.effective, await alice.get(`${keyPath}/effective-routing`));
    expectDocumented(
      'PUT',
      routes.rules,
      await alice.send('PUT', `${keyPath}/routing-rules`, { rules: [rule()] }),
    );
    expectDocumented('GET', routes.effective, await alice.get(`${keyPath}/effective-routing`));
  });

  it('names the gateway answers exactly as they are', async () => {
    const { alice } = world;
    const { baseUrl } = world.app;
    const unlimited = await createKey(alice, { name: 'gateway' });
    const limited = await createKey(alice, { limit: 5, limit_reset: 'weekly' });
    const preference = await createPreference(alice, { name: 'gateway' });
    await alice.send('PUT', `/api/v1/keys/${limited.id}/routing-preference`, {
      preference_id: preference.id,
    });
    for (const key of [unlimited, limited]) {
      const forwarded = { apiKey: key.secret };
      expectDocumented('POST', '/api/v1/resolve', await resolve(baseUrl, forwarded));
      expectDocumented('POST', '/api/v1/usage', await reportUsage(baseUrl, forwarded, { cost: 1 }));
    }
  });

  it('names the audit routes exactly as they answer', async () => {
    const { alice } = world;
    const key = await createKey(alice, { name: 'audited' });
    await alice.send('PATCH', `/api/v1/keys/${key.id}`, { disabled: true, reason: 'leaked' });
    expectDocumented(
      'GET',
      '/api/v1/keys/{id}/history',
      await alice.get(`/api/v1/keys/${key.id}/history`),
    );
    const entries = await alice.get<{ data: { id: string }[] }>(`/api/v1/audit?key_id=${key.id}`);
    expectDocumented('GET', '/api/v1/audit', entries);
    expectDocumented('GET', '/api/v1/audit', await alice.get('/api/v1/audit?limit=1'));
    const head = await alice.get<{ tree_size: number }>('/api/v1/audit/tree-head');
    expectDocumented('GET', '/api/v1/audit/tree-head', head);
    expectDocumented(
      'GET',
      '/api/v1/audit/public-keys',
      await alice.get('/api/v1/audit/public-keys'),
    );
    expectDocumented(
      'GET',
      '/api/v1/audit/proofs/inclusion',
      await alice.get(`/api/v1/audit/proofs/inclusion?event_id=${entries.body.data[0].id}`),
    );
    expectDocumented(
      'GET',
      '/api/v1/audit/proofs/consistency',
      await alice.get(`/api/v1/audit/proofs/consistency?first=1&second=${head.body.tree_size}`),
    );
  });

  it('names every report exactly as it answers', async () => {
    const { alice } = world;
    await createKey(alice, { name: 'unbounded' });
    const spent = await createKey(alice, { name: 'spent', limit: 1, limit_reset: 'daily' });
    await reportUsage(world.app.baseUrl, { apiKey: spent.secret }, { cost: 1 });
    const revoked = await createKey(alice, { name: 'revoked' });
    await alice.send('DELETE', `/api/v1/keys/${revoked.id}?reason=rotated+out`);
    await alice.send('PUT', '/api/v1/orgs/org_a/key-policy', {
      require_limit: true,
      reason: 'schema check',
    });
    await createKey(alice, { name: 'org key', scope: 'org', limit: 5 });
    for (const report of [
      'keys-by-state',
      'keys-per-owner',
      'keys-without-limit',
      'keys-never-expiring',
      'unused-keys?days=0',
      'keys-near-limit?threshold=1',
      'policy-violations',
      'recent-revocations',
    ]) {
      const answer = await alice.get<{ data: unknown[] }>(`/api/v1/reports/${report}`);
      expectDocumented('GET', `/api/v1/reports/${report.split('?')[0]}`, answer);
    }
  });

  it('names the org key policy routes exactly as they answer', async () => {
    const { alice } = world;
    const path = '/api/v1/orgs/{org_id}/key-policy';
    expectDocumented('GET', path, await alice.get('/api/v1/orgs/org_a/key-policy'));
    expectDocumented(
      'PUT',
      path,
      await alice.send('PUT', '/api/v1/orgs/org_a/key-policy', {
        max_lifetime_days: 365,
        allowed_scopes: ['completions', 'management'],
        reason: 'schema check',
      }),
    );
    expectDocumented('GET', path, await alice.get('/api/v1/orgs/org_a/key-policy'));
  });

  it('names the OpenRouter-compatible routes exactly as they answer', async () => {
    const { alice } = world;
    const base = '/openrouter/api/v1';
    const created = await alice.send<{ data: { hash: string }; key: string }>(
      'POST',
      `${base}/keys`,
      { name: 'openrouter', limit: 10, limit_reset: 'monthly' },
    );
    expectDocumented('POST', `${base}/keys`, created);
    const { hash } = created.body.data;
    expectDocumented('GET', `${base}/keys`, await alice.get(`${base}/keys`));
    expectDocumented('GET', `${base}/keys/{hash}`, await alice.get(`${base}/keys/${hash}`));
    expectDocumented(
      'PATCH',
      `${base}/keys/{hash}`,
      await alice.send('PATCH', `${base}/keys/${hash}`, { name: 'renamed', limit: null }),
    );
    const caller = world.as({ apiKey: created.body.key });
    expectDocumented('GET', `${base}/key`, await caller.get(`${base}/key`));
    expectDocumented(
      'DELETE',
      `${base}/keys/{hash}`,
      await alice.send('DELETE', `${base}/keys/${hash}`),
    );
  });

  it('names the health answer exactly as it is', async () => {
    expectDocumented('GET', '/health', await world.anonymous.get('/health'));
  });
});

describe('response schemas of the webhook routes', () => {
  let world: WebhookWorld;
  let document: Document;
  const expectDocumented = (method: string, path: string, exchange: Exchange): void =>
    expectOperation(document, method, path, exchange);

  beforeAll(async () => {
    world = await startWebhookWorld();
    document = await documentOf(world.app.baseUrl);
  });
  afterAll(() => world.close());

  it('names every webhook route exactly as it answers', async () => {
    const { alice } = world;
    const created = await alice.send<{ data: { id: string } }>('POST', '/api/v1/webhooks', {
      url: world.receiver.url,
      event_types: ['*'],
    });
    expectDocumented('POST', '/api/v1/webhooks', created);
    const one = '/api/v1/webhooks/{id}';
    const path = `/api/v1/webhooks/${created.body.data.id}`;
    expectDocumented('GET', '/api/v1/webhooks', await alice.get('/api/v1/webhooks'));
    expectDocumented('GET', one, await alice.get(path));
    expectDocumented(
      'PATCH',
      one,
      await alice.send('PATCH', path, { event_types: ['key.created'] }),
    );
    expectDocumented(
      'POST',
      `${one}/rotate-secret`,
      await alice.send('POST', `${path}/rotate-secret`),
    );
    await alice.send('POST', '/api/v1/keys', { name: 'announced' });
    const { webhook } = await subscribe(alice, world.receiver.url);
    await alice.send('POST', '/api/v1/keys', { name: 'delivered' });
    await until(async () =>
      (await deliveryLog(alice, webhook.id)).some((line) => line.attempt_log.length > 0),
    );
    expectDocumented(
      'GET',
      `${one}/deliveries`,
      await alice.get(`/api/v1/webhooks/${webhook.id}/deliveries`),
    );
  });
});

describe('response schemas of the 202 answers (stored, reads not caught up)', () => {
  let world: World;
  let document: Document;
  const expectAccepted = (method: string, path: string, exchange: Exchange): void => {
    expect({ route: `${method} ${path}`, status: exchange.status }).toEqual({
      route: `${method} ${path}`,
      status: 202,
    });
    expectOperation(document, method, path, exchange);
  };

  beforeAll(async () => {
    world = await startWorld({ READ_YOUR_WRITES_TIMEOUT_MS: '50' });
    document = await documentOf(world.app.baseUrl);
  });
  afterAll(() => world.app.close());

  it('documents each 202 body exactly as it is', async () => {
    const { alice } = world;
    const key = await createKey(alice, { name: 'held' });
    const preference = await createPreference(alice, { name: 'held' });
    const openRouter = await alice.send<{ data: { hash: string } }>(
      'POST',
      '/openrouter/api/v1/keys',
      { name: 'held' },
    );
    const runner = world.app.app.get(ProjectionRunner);
    await runner.stop();
    try {
      const keyPath = `/api/v1/keys/${key.id}`;
      expectAccepted(
        'POST',
        '/api/v1/keys',
        await alice.send('POST', '/api/v1/keys', { name: 'new' }),
      );
      expectAccepted(
        'PATCH',
        '/api/v1/keys/{id}',
        await alice.send('PATCH', keyPath, { name: 'v1' }),
      );
      expectAccepted(
        'POST',
        '/api/v1/keys/{id}/limit/reset',
        await alice.send('POST', `${keyPath}/limit/reset`, { reason: 'schema check' }),
      );
      expectAccepted(
        'POST',
        '/api/v1/keys/{id}/rotate',
        await alice.send('POST', `${keyPath}/rotate`, {}),
      );
      expectAccepted(
        'PUT',
        '/api/v1/keys/{id}/routing-preference',
        await alice.send('PUT', `${keyPath}/routing-preference`, { preference_id: preference.id }),
      );
      expectAccepted(
        'PUT',
        '/api/v1/keys/{id}/routing-rules',
        await alice.send('PUT', `${keyPath}/routing-rules`, { rules: [rule()] }),
      );
      expectAccepted(
        'POST',
        '/api/v1/routing-preferences',
        await alice.send('POST', '/api/v1/routing-preferences', { name: 'new' }),
      );
      expectAccepted(
        'PATCH',
        '/api/v1/routing-preferences/{id}',
        await alice.send('PATCH', `/api/v1/routing-preferences/${preference.id}`, { name: 'v1' }),
      );
      expectAccepted(
        'POST',
        '/openrouter/api/v1/keys',
        await alice.send('POST', '/openrouter/api/v1/keys', { name: 'new' }),
      );
      expectAccepted(
        'PATCH',
        '/openrouter/api/v1/keys/{hash}',
        await alice.send('PATCH', `/openrouter/api/v1/keys/${openRouter.body.data.hash}`, {
          name: 'v1',
        }),
      );
      expectAccepted('DELETE', '/api/v1/keys/{id}', await alice.send('DELETE', keyPath));
    } finally {
      await runner.start();
    }
  });
});
