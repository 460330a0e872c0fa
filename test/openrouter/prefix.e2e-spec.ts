import { call } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { OPENROUTER_PREFIX, openRouterSdk } from './openrouter-world';

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { readonly tags?: readonly string[] }>>;
}

const OPERATIONS = [
  'GET /keys',
  'POST /keys',
  'GET /keys/{hash}',
  'PATCH /keys/{hash}',
  'DELETE /keys/{hash}',
  'GET /key',
];

/** The operations the document lists below `prefix`, with their tags. */
async function documented(app: TestApp, prefix: string): Promise<Record<string, string[]>> {
  const { body } = await call<OpenApiDocument>(app.baseUrl, 'GET', '/openapi.json');
  return Object.fromEntries(
    Object.entries(body.paths)
      .filter(([path]) => path.startsWith(`${prefix}/`))
      .flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => [
          `${method.toUpperCase()} ${path.slice(prefix.length)}`,
          [...(operation.tags ?? [])],
        ]),
      ),
  );
}

describe('where the OpenRouter surface is mounted', () => {
  describe('by default', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app.close());

    it('documents every route in OpenAPI, tagged openrouter-compatible', async () => {
      const operations = await documented(app, OPENROUTER_PREFIX);
      expect(Object.keys(operations).sort()).toEqual([...OPERATIONS].sort());
      for (const tags of Object.values(operations)) expect(tags).toEqual(['openrouter-compatible']);
    });
  });

  describe('with OPENROUTER_PREFIX=/compat/or/v1', () => {
    const prefix = '/compat/or/v1';
    let app: TestApp;
    let secret: string;
    beforeAll(async () => {
      app = await startTestApp({ env: { OPENROUTER_PREFIX: prefix } });
      const created = await call<{ secret: string }>(app.baseUrl, 'POST', '/api/v1/keys', {
        auth: await app.token('alice'),
        body: { name: 'management', scopes: ['management'] },
      });
      secret = created.body.secret;
    });
    afterAll(() => app.close());

    it('serves the SDK there, and nothing at the default prefix', async () => {
      const sdk = openRouterSdk(app.baseUrl, secret, prefix);
      const { data } = await sdk.apiKeys.create({ requestBody: { name: 'elsewhere' } });
      expect((await sdk.apiKeys.list()).data.map((key) => key.hash)).toContain(data.hash);
      const missing = await call(app.baseUrl, 'GET', `${OPENROUTER_PREFIX}/keys`, { auth: secret });
      expect(missing.status).toBe(404);
    });

    it('documents the routes under it', async () => {
      expect(Object.keys(await documented(app, prefix)).sort()).toEqual([...OPERATIONS].sort());
    });
  });
});
