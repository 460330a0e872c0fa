import { createHash } from 'node:crypto';
import { reportUsage, resolve } from './resolution/resolution-support';
import {
  createKey,
  createPreference,
  rule,
  startWorld,
  World,
} from './routing-preferences/routing-world';
import { call, Exchange } from './support/http';

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
    // A map (mode → floor): documented by additionalProperties, not by names.
    if (!schema.properties) {
      return schema.additionalProperties ? [] : [`${path}: an object without documented fields`];
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

describe('response schemas in /openapi.json', () => {
  let world: World;
  let document: Document;

  /** Checks a real exchange of `METHOD path` against the schema documented for its status. */
  function expectDocumented(method: string, path: string, exchange: Exchange): void {
    expect([200, 201, 202]).toContain(exchange.status);
    const operation = document.paths[path]?.[method.toLowerCase()];
    const schema =
      operation?.responses[String(exchange.status)]?.content?.['application/json']?.schema;
    expect({ route: `${method} ${path}`, documented: schema !== undefined }).toEqual({
      route: `${method} ${path}`,
      documented: true,
    });
    if (schema === undefined) return;
    expect({
      route: `${method} ${path}`,
      problems: mismatches(document, schema, exchange.body, ''),
    }).toEqual({ route: `${method} ${path}`, problems: [] });
  }

  beforeAll(async () => {
    world = await startWorld();
    document = (await call<Document>(world.app.baseUrl, 'GET', '/openapi.json')).body;
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
});
